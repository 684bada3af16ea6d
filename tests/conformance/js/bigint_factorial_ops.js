function factorial(n) {
  let r = 1n;
  for (let i = 2n; i <= n; i++) r *= i;
  return r;
}
console.log(factorial(25n), factorial(25n).toString().length);
console.log(2n ** 64n, 2n ** 64n - 1n, -(2n ** 63n));
console.log(7n / 2n, -7n / 2n, 7n % 3n, -7n % 3n);
console.log(typeof 1n, 1n == 1, 1n === 1, 2n > 1, 10n > 9.5, BigInt(42), BigInt('123456789012345678901234567890'));
console.log(BigInt(Number.MAX_SAFE_INTEGER) + 2n, Number(2n ** 60n), parseInt('9007199254740993'), BigInt.asUintN(8, 257n), BigInt.asIntN(8, 255n));
console.log([3n, 1n, 2n].sort(), 0n ? 'truthy' : 'falsy', (255n).toString(16), 5n.toLocaleString());
console.log({ big: 10n }, [1n, -2n]);
try {
  BigInt(1.5);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
