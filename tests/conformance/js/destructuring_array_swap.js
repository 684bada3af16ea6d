let a = 1, b = 2;
[a, b] = [b, a];
console.log(a, b);
const [first, , third = 'default', ...others] = ['x', 'y', undefined, 'w', 'v'];
console.log(first, third, others);
const [p = 1, q = p * 2] = [];
console.log(p, q);
const [m, n] = 'hi';
console.log(m, n);
const [[x1, y1], [x2, y2]] = [[0, 1], [2, 3]];
console.log(x1, y1, x2, y2);
const [k, v] = new Map([['key', 'val']]).entries().next().value;
console.log(k, v);
function minMax(arr) {
  return [Math.min(...arr), Math.max(...arr)];
}
const [lo, hi] = minMax([3, 9, 1]);
console.log(lo, hi);
