const withToJSON = { secret: 1, toJSON() { return { visible: true }; } };
console.log(JSON.stringify(withToJSON), JSON.stringify({ d: new Date(Date.UTC(2020, 0, 2)) }));
const cyclic = { name: 'c' };
cyclic.self = cyclic;
try {
  JSON.stringify(cyclic);
} catch (e) {
  console.log(e.name);
  console.log(e.message);
}
console.log(JSON.stringify('he said "hi"\n'), JSON.stringify({ n: -0, i: Infinity, b: 1n === 1n }));
try {
  JSON.stringify({ big: 1n });
} catch (e) {
  console.log(e.message);
}
console.log(JSON.stringify({ a: [{ b: 1 }] }, null, '--'));
console.log(JSON.parse('"\\u00e9"'), JSON.parse('[1e3, -0, 0.5]'));
