const m = new Map([
  ['list', [1, 2, 3]],
  ['set', new Set(['a'])],
  [{ key: 'obj' }, 'object key'],
]);
console.log(m);
console.log({ m });
console.log(new Set([new Map([[1, 2]])]));
console.log([new Map(), new Set(), new WeakMap()]);
