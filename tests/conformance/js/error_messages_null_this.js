// Borrowed array and string methods called on null or undefined, as V8 reports them.
const borrowed = [
  () => Array.prototype.map.call(null, (x) => x),
  () => Array.prototype.forEach.call(undefined, console.log),
  () => Array.prototype.push.call(null, 1),
  () => Array.prototype.pop.call(undefined),
  () => Array.prototype.join.call(null),
  () => Array.prototype.reduceRight.call(null, (a, b) => a + b),
  () => [].slice.call(undefined),
  () => String.prototype.trim.call(null),
  () => ''.toUpperCase.call(undefined),
];
for (const f of borrowed) {
  try {
    f();
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
}
console.log(Object.getOwnPropertyNames(Array.prototype).slice(0, 12).join(' '));
console.log(Array.prototype.map.call('abc', (c) => c.toUpperCase()), [].map.name, [].map.length);
