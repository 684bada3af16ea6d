console.log(Math.max(), Math.min(), Math.max(1, 'x'), Math.trunc(-4.7), Math.sign(-3), Math.cbrt(27));
console.log(Math.floor(-1.5), Math.ceil(-1.5), Math.hypot(3, 4), Math.log2(1024), Math.clz32(1));
console.log(Math.PI, Math.E, Math.SQRT2, Math.fround(5.5), Math.imul(3, 4));
