const big = new Array(150).fill(0);
console.log(big);
const s = new Set(Array.from({ length: 105 }, (_, i) => i));
console.log(s.size);
console.log(Array.from({ length: 26 }, (_, i) => String.fromCharCode(97 + i)));
