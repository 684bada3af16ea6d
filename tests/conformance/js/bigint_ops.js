const big = 2n ** 100n;
console.log(big, big.toString(), typeof big);
console.log(big / 3n, big % 7n, -big, BigInt(Number.MAX_SAFE_INTEGER) + 2n);
console.log(10n > 9, 10n == 10, 10n === 10, BigInt.asUintN(8, 257n));
try {
  console.log(1n + 1);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
