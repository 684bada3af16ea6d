const m = new Map([['a', 1], ['b', { c: 2 }]]);
const s = new Set([1, 'two', [3]]);
console.log(m);
console.log(s);
console.log(new Map(), new Set());
console.log(new WeakMap(), new WeakSet());
console.log(m.entries());
console.log([m, s]);
