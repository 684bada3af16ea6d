function sum(...nums) {
  return nums.reduce((a, b) => a + b, 0);
}
console.log(sum(), sum(1, 2, 3));
function greet(name = 'Guest', greeting = `Hello, ${name}`) {
  return greeting;
}
console.log(greet(), greet('Tom'), greet(undefined, 'Yo'), greet(null));
let calls = 0;
function withDefault(x = ++calls) {
  return x;
}
console.log(withDefault(), withDefault(), withDefault(10), calls);
function tail(first, ...rest) {
  return { first, rest, length: arguments.length };
}
console.log(tail(1, 2, 3));
console.log(sum.length, greet.length, tail.length, ((a, b = 1, c) => 0).length);
const arrow = (...args) => args.length;
console.log(arrow(1, 2));
