console.log(-0, [-0], 0.1 + 0.2, 1e21, 1e-7, 123456789012345680000);
console.log([NaN, Infinity, -Infinity], 2 ** 53, 10n, [10n]);
console.log((255).toString(16), (0.5).toFixed(2), (1234.5678).toFixed(1));
