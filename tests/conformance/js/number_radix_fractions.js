// Number.prototype.toString(radix) prints fraction digits up to the double's precision.
const values = [0.5, 0.1, 1 / 3, 255.255, -7.75, 2 ** 60 + 0.5, 1e21, 5e-324, 0.000001];
for (const radix of [2, 3, 8, 16, 36]) {
  console.log(radix, values.map((v) => v.toString(radix)).join(' '));
}
console.log((0.1).toString(2).length, (Math.PI).toString(16), (-255.5).toString(16));
