const arr = [1, '1', 2, 2, NaN, NaN, undefined, undefined, null, 0, -0, { a: 1 }, { a: 1 }];
console.log([...new Set(arr)]);
console.log(arr.filter((x, i) => arr.indexOf(x) === i));
console.log(arr.reduce((acc, x) => (acc.includes(x) ? acc : [...acc, x]), []));
const people = [
  { id: 1, name: 'A' },
  { id: 2, name: 'B' },
  { id: 1, name: 'A again' },
];
console.log([...new Map(people.map((p) => [p.id, p])).values()]);
const seen = new Set();
console.log(people.filter((p) => !seen.has(p.id) && seen.add(p.id)));
const a = [1, 2, 3, 4];
const b = [3, 4, 5];
console.log(a.filter((x) => b.includes(x)), a.filter((x) => !b.includes(x)), [...new Set([...a, ...b])]);
