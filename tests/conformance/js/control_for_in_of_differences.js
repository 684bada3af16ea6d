const arr = ['a', 'b'];
arr.extra = 'prop';
for (const k in arr) console.log('in', k);
for (const v of arr) console.log('of', v);
const obj = { x: 1, y: 2 };
try {
  for (const v of obj) console.log(v);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
for (const ch of 'hi') console.log('char', ch);
for (const [k, v] of new Map([['m', 1]])) console.log('map', k, v);
const proto = { inherited: true };
const child = Object.create(proto);
child.own = 1;
for (const k in child) console.log('for-in includes', k);
for (const k in child) if (Object.hasOwn(child, k)) console.log('own only', k);
let s = 0;
for (let i = 0, j = 10; i < j; i += 3, j -= 3) s += i * j;
console.log(s);
