console.log(isNaN('abc'), Number.isNaN('abc'), isNaN(undefined), Number.isNaN(NaN));
console.log(isFinite('12'), Number.isFinite('12'), Number.isInteger(5.0), Number.isInteger(5.1), Number.isInteger('5'));
console.log(typeof NaN, NaN !== NaN, [NaN].findIndex(Number.isNaN));
console.log((42).toString(2), (42).toString(8), (42).toString(36), (-255).toString(16), (0.5).toString(2));
console.log(0b1010, 0o17, 0xff, 1_000_000, 1e3, .5, 5., 0.1e2);
const n = 7;
console.log(n.toString().padStart(8, '0'), (n >>> 0).toString(2).padStart(8, '0'));
console.log(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 10, -16 >> 2, -16 >>> 28, 2 ** 32 | 0, 2 ** 31 | 0);
