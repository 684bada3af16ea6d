const m = new Map([[1, 'one']]);
const objKey = { id: 1 };
m.set(objKey, 'object');
m.set('1', 'string one');
console.log(m.get(1), m.get('1'), m.get({ id: 1 }), m.get(objKey), m.size);
m.forEach((v, k) => console.log(typeof k, v));
const s = new Set(['a', 'b']);
s.add('a').add('c');
s.delete('b');
console.log([...s], [...s.entries()], s.has('c'));
const grouped = new Map();
for (const w of ['apple', 'avocado', 'banana']) {
  const k = w[0];
  grouped.set(k, [...(grouped.get(k) ?? []), w]);
}
console.log(grouped, Object.fromEntries(grouped));
