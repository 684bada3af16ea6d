const re = /(?<year>\d{4})-(?<month>\d{2})/g;
const text = 'from 2023-01 to 2024-12';
console.log(text.match(re));
for (const m of text.matchAll(re)) console.log(m.index, m.groups.year, m.groups.month);
console.log(text.replace(re, '$<month>/$<year>'));
console.log('a1b2c3'.split(/\d/), /^[\w.]+@\w+\.com$/.test('me.x@site.com'));
console.log(re.source, re.flags, re.lastIndex);
