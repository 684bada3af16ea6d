const re = /(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})/;
const m = '日期: 2024-03-09'.match(re);
console.log(m.groups.year, m.groups.month, m.groups.day, m.index);
console.log(m);
const { year, month } = m.groups;
console.log(`${month}/${year}`);
console.log('2024-03-09'.replace(re, '$<day>.$<month>.$<year>'));
console.log('2024-03-09'.replace(re, (...args) => {
  const groups = args.at(-1);
  return `${groups.day}日`;
}));
const dup = /(?<word>\w+) \k<word>/;
console.log(dup.test('hello hello'), dup.test('hello world'));
