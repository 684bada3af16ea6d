function ok(a, b = a * 2) {
  return [a, b];
}
console.log(ok(1), ok(1, 5));
function order(a = b, b = 1) {
  return [a, b];
}
console.log(order(7));
console.log(order());
