console.log('before call');
console.log(typeof add);
add(1, 2);
var add = function (x, y) {
  return x + y;
};
