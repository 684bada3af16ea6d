console.log(BigInt('123456789012345678901234567890') * 2n);
console.log(5n / 2n, -5n / 2n, 5n % -2n, 2n ** 64n, BigInt.asIntN(8, 255n));
console.log(typeof Object(1n), 1n < 2, 2n > 1.5, [3n, 1n, 2n].sort(), (123n).toString(16));
console.log(JSON.stringify({ n: Number(10n) }), BigInt(true), 0n ? 'truthy' : 'falsy');
try {
  Math.max(1n);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
