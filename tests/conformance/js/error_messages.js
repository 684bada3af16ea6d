const cases = [
  () => undefined.x,
  () => { const o = undefined; o.y = 1; },
  () => (void 0)(),
  () => ({}).method(),
  () => new Array(-1),
  () => (1).toFixed(200),
  () => JSON.parse('{bad'),
  () => null[Symbol.iterator],
  () => { const [a] = null; },
  () => BigInt(1.5),
];
for (const c of cases) {
  try {
    c();
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
}
