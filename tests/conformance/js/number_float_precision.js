console.log(0.1 + 0.2, 0.1 + 0.2 === 0.3, Math.abs(0.1 + 0.2 - 0.3) < Number.EPSILON);
console.log(0.3 - 0.1, 0.1 * 3, 1.1 * 1.1, 3 * 1.1, 0.7 + 0.1, 9.95 * 100);
console.log(Number.EPSILON, Number.MIN_VALUE, Number.MAX_VALUE);
console.log(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2 ** 53, 2 ** 53 + 1, 2 ** 53 + 2);
console.log(Number.isSafeInteger(2 ** 53), Number.isSafeInteger(2 ** 53 - 1), 9007199254740993);
console.log(1 / 3, 2 / 3, 10 / 3, 100 / 3, 1e21, 1e-7, 123456789012345680000, 0.000001);
console.log(1 / 0, -1 / 0, 0 / 0, -0, 0 * -1, Object.is(-0, 0), 1 / -0);
console.log((0.1).toString(2).slice(0, 20), 5e-324, 5e-324 / 2);
