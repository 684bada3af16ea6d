const { a, b = 2, c: { d } = { d: 4 }, ...rest } = { a: 1, e: 5, f: 6 };
console.log(a, b, d, rest);
const [x, , y = 3, ...others] = [10, 20, undefined, 40, 50];
console.log(x, y, others);
function f({ name = 'anon', age } = {}) {
  return `${name}:${age}`;
}
console.log(f(), f({ age: 3 }));
let p = 1, q = 2;
[p, q] = [q, p];
console.log(p, q);
