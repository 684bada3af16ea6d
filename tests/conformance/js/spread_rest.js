function sum(...nums) {
  return nums.reduce((s, n) => s + n, 0);
}
console.log(sum(1, 2, 3), sum(...[4, 5], 6));
const merged = { ...{ a: 1, b: 2 }, ...{ b: 3, c: 4 } };
console.log(merged, [...'héllo'], [...new Set([1, 1, 2])]);
console.log(Math.max(...[1, 9, 3]));
