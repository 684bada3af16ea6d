function memoize(fn) {
  const cache = new Map();
  return function (...args) {
    const key = JSON.stringify(args);
    if (cache.has(key)) {
      console.log('cache hit', key);
      return cache.get(key);
    }
    const result = fn.apply(this, args);
    cache.set(key, result);
    return result;
  };
}
const slowAdd = memoize((a, b) => a + b);
console.log(slowAdd(1, 2), slowAdd(1, 2), slowAdd(2, 1));
const fib = memoize((n) => (n < 2 ? n : fib(n - 1) + fib(n - 2)));
console.log(fib(10));
const memoFib = (() => {
  const memo = [0, 1];
  return function f(n) {
    return memo[n] ?? (memo[n] = f(n - 1) + f(n - 2));
  };
})();
console.log(memoFib(90), memoFib(78));
