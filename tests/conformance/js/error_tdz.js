function f() {
  return x;
}
try {
  f();
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
let x = 1;
console.log(f());
