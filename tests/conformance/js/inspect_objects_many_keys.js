const o = {};
for (let i = 0; i < 30; i++) o['key' + i] = i;
console.log(o);
const few = { a: 'short', b: 'values', c: 'here' };
console.log(few);
console.log({ nested: few, list: [few, few] });
