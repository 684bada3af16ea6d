const m = new Map([
  ['config', { debug: true, level: 3 }],
  ['list', [1, 2, 3]],
  [{ objKey: 1 }, new Set(['a', 'b'])],
]);
console.log(m);
const s = new Set([1, 'two', { three: 3 }, [4], new Map([[5, 'five']])]);
console.log(s);
console.log({ map: new Map(), set: new Set(), weak: new WeakMap() });
console.log(new Map([[1, new Map([[2, new Map([[3, new Map([[4, 'deep']])]])]])]]));
console.log([new Set([1]), new Map([['k', 'v']])]);
console.log(m.keys(), s.values(), m.entries());
console.log([...m.entries()].slice(0, 1));
