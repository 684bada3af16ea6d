function mutate(o, n, arr) {
  o.changed = true;
  n = n + 1;
  arr = [99];
  return n;
}
const obj = {};
let num = 1;
const list = [1];
console.log(mutate(obj, num, list), obj, num, list);
