const original = { a: 1, nested: { b: [1, 2] }, date: new Date(Date.UTC(2020, 0, 1)), fn() {} };
const viaJson = JSON.parse(JSON.stringify(original));
viaJson.nested.b.push(3);
console.log(original.nested.b, viaJson);
console.log(typeof viaJson.date, 'fn' in viaJson);
const viaClone = structuredClone({ a: 1, nested: { b: [1, 2] }, date: original.date, m: new Map([[1, 'x']]) });
console.log(viaClone, viaClone.date instanceof Date);
try {
  structuredClone(original);
} catch (e) {
  console.log(e.name, e.message);
}
