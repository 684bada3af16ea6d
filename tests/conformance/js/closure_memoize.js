function memoize(fn) {
  const cache = new Map();
  return (n) => {
    if (cache.has(n)) return cache.get(n);
    const v = fn(n);
    cache.set(n, v);
    return v;
  };
}
let calls = 0;
const slowSquare = (n) => {
  calls++;
  return n * n;
};
const fast = memoize(slowSquare);
console.log(fast(4), fast(4), fast(5), calls);
