Array.prototype.myMap = function (fn, thisArg) {
  const out = new Array(this.length);
  for (let i = 0; i < this.length; i++) if (i in this) out[i] = fn.call(thisArg, this[i], i, this);
  return out;
};
Array.prototype.myFilter = function (fn) {
  const out = [];
  this.forEach((x, i, a) => fn(x, i, a) && out.push(x));
  return out;
};
Array.prototype.myReduce = function (fn, ...init) {
  let i = 0;
  let acc = init.length ? init[0] : this[i++];
  if (!init.length && this.length === 0) throw new TypeError('Reduce of empty array with no initial value');
  for (; i < this.length; i++) acc = fn(acc, this[i], i, this);
  return acc;
};
const myFlat = (arr, depth = 1) =>
  depth > 0 ? arr.reduce((acc, x) => acc.concat(Array.isArray(x) ? myFlat(x, depth - 1) : x), []) : arr.slice();
const nums = [1, 2, 3, , 5];
console.log(nums.myMap((x) => x * 2), nums.map((x) => x * 2));
console.log(nums.myFilter((x) => x > 1), nums.myReduce((a, b) => a + b), [[1], [2]].myReduce((a, b) => a.concat(b), []));
console.log(myFlat([1, [2, [3, [4]]]]), myFlat([1, [2, [3, [4]]]], Infinity));
for (const k in [7]) console.log('for-in now sees', k);
try {
  [].myReduce((a, b) => a + b);
} catch (e) {
  console.log(e.message);
}
