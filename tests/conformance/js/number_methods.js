console.log((1234.5678).toFixed(2), (0.000123).toExponential(1), (1234.5678).toPrecision(6), (255).toString(2));
console.log(parseInt('42px'), parseInt('ff', 16), parseFloat('3.14abc'), Number('12e3'), Number(''), Number('x'));
console.log(Number.isInteger(5.0), Number.isSafeInteger(2 ** 53), Number.EPSILON > 0, Number.MAX_SAFE_INTEGER);
console.log(0.1 + 0.2 === 0.3, Math.abs(0.3 - (0.1 + 0.2)) < Number.EPSILON, 1 / 0, -1 / 0, 0 / 0);
console.log((25).toString(36), (-7) % 3, 2 ** -1, 7 / 2 | 0, ~~-3.7, Math.round(-2.5), Math.round(2.5));
console.log(String(1e21), String(123e-20), (1e21).toLocaleString === undefined, 0.000001, 0.0000001);
