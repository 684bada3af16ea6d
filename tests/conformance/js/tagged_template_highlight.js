function highlight(strings, ...values) {
  return strings.reduce((out, str, i) => out + str + (i < values.length ? `[${values[i]}]` : ''), '');
}
const item = '苹果';
const price = 5.5;
console.log(highlight`商品 ${item} 售价 ${price} 元`);
function inspectTag(strings, ...values) {
  console.log(strings, strings.raw, values);
  return strings.length;
}
console.log(inspectTag`a${1}b${2}`);
console.log(inspectTag`\n${'x'}`);
console.log(String.raw`C:\new\table ${1 + 1}`);
const currency = (s, ...v) => s.raw.map((str, i) => str + (i < v.length ? v[i].toFixed(2) : '')).join('');
console.log(currency`Total: $${12.5} + tax $${1}`);
function cached(strings) {
  return strings;
}
const f = () => cached`same`;
console.log(f() === f(), Object.isFrozen(f()));
