const big = 10n;
console.log(big * 2n, Number(big) + 1.5);
console.log(big + 1);
