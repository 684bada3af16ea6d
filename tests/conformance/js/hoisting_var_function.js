// 变量提升：var 声明被提升，赋值不会
console.log(a);
var a = 1;
console.log(a);
console.log(typeof greet, greet());
function greet() {
  return 'hello';
}
console.log(typeof sayHi);
var sayHi = function () {
  return 'hi';
};
console.log(sayHi());
function outer() {
  console.log(inner);
  if (false) {
    var inner = 'never';
  }
  return typeof inner;
}
console.log(outer());
