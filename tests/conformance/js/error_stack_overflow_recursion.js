function recurse(n) {
  return recurse(n + 1) + 1;
}
try {
  recurse(0);
} catch (e) {
  console.log(e instanceof RangeError, e.message);
}
let depth = 0;
function measure() {
  depth++;
  measure();
}
try {
  measure();
} catch {
  console.log('depth above 1000:', depth > 1000);
}
const sumTo = (n) => (n === 0 ? 0 : n + sumTo(n - 1));
console.log(sumTo(1000));
