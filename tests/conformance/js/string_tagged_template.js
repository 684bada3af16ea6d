function tag(strings, ...values) {
  return strings.raw.map((s, i) => s + (i < values.length ? `[${values[i]}]` : '')).join('');
}
const who = 'world';
console.log(tag`hello ${who} and ${1 + 2}!`);
console.log(tag`\n stays raw`);
