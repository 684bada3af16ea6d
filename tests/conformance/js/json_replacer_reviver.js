const user = { name: 'Ann', password: 'secret', age: 25, meta: { created: 1 } };
console.log(JSON.stringify(user, ['name', 'age']));
console.log(
  JSON.stringify(user, (key, value) => {
    if (key === 'password') return undefined;
    if (typeof value === 'number') return value * 2;
    return value;
  })
);
const text = '{"date":"2024-01-15T08:00:00.000Z","count":"42","nested":{"n":"7"}}';
const parsed = JSON.parse(text, (key, value) => {
  if (key === 'date') return new Date(value);
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return value;
});
console.log(parsed, parsed.date.getUTCFullYear());
const order = [];
JSON.parse('{"a":{"b":1},"c":[2]}', function (k, v) {
  order.push(k === '' ? '(root)' : k);
  return v;
});
console.log(order.join(' -> '));
