console.table([
  { name: 'Ann', age: 30 },
  { name: '王五', age: 25, city: '北京' },
]);
console.table({ a: { x: 1, y: 2 }, b: { x: 3 } });
console.table([[1, 2], [3, 4]]);
console.table(['apple', 'banana']);
console.table([{ name: 'Ann', age: 30, city: 'NYC' }], ['name']);
console.table('not tabular');
