const str = 'price: $10, tax: $2, tip: $3';
for (const m of str.matchAll(/\$(\d+)/g)) {
  console.log(m[0], m[1], m.index);
}
console.log([...str.matchAll(/(\w+): \$(\d+)/g)].map(([, k, v]) => `${k}=${v}`));
const re = /o/g;
const s = 'foo boo';
let match;
while ((match = re.exec(s)) !== null) {
  console.log('found at', match.index, 'lastIndex', re.lastIndex);
}
try {
  str.matchAll(/\d/);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
const g = /a/g;
console.log(g.test('aa'), g.lastIndex, g.test('aa'), g.lastIndex, g.test('aa'), g.lastIndex);
