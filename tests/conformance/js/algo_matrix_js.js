const m = [
  [1, 2, 3],
  [4, 5, 6],
  [7, 8, 9],
];
const transpose = (a) => a[0].map((_, c) => a.map((r) => r[c]));
const rotate = (a) => transpose(a).map((r) => r.reverse());
const multiply = (a, b) => a.map((row) => transpose(b).map((col) => row.reduce((s, x, i) => s + x * col[i], 0)));
console.log(transpose(m));
console.log(rotate(m));
console.log(multiply([[1, 2], [3, 4]], [[5, 6], [7, 8]]));
console.log(m.flat().reduce((a, b) => a + b), m.map((r) => Math.max(...r)), m.map((r, i) => r[i]));
const grid = Array.from({ length: 3 }, (_, r) => Array.from({ length: 4 }, (_, c) => (r + c) % 2 ? '■' : '□').join(''));
console.log(grid.join('\n'));
function spiral(mat) {
  const out = [];
  while (mat.length) {
    out.push(...mat.shift());
    mat = transpose(mat.length ? mat : [[]]).reverse().filter((r) => r.length && r[0] !== undefined);
  }
  return out;
}
console.log(spiral([[1, 2, 3], [4, 5, 6], [7, 8, 9]]));
