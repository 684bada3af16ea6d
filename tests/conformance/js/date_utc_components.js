const d = new Date(Date.UTC(2024, 1, 29, 13, 45, 30, 123));
console.log(d.toISOString());
console.log(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
console.log(d.getTime(), d.valueOf() === +d, JSON.stringify({ d }));
console.log(d);
console.log([d], { when: d });
console.log(new Date(0).toISOString(), new Date(86400000).toISOString());
console.log(new Date('2024-01-15T10:00:00Z').getTime(), Date.UTC(1970, 0, 1));
console.log(d.toUTCString());
const invalid = new Date('not a date');
console.log(invalid.getTime(), String(invalid), invalid);
try {
  invalid.toISOString();
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
