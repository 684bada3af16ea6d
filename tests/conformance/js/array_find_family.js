const users = [
  { id: 1, name: 'Ann', active: false },
  { id: 2, name: 'Bob', active: true },
  { id: 3, name: 'Cid', active: true },
];
console.log(users.find((u) => u.active));
console.log(users.findIndex((u) => u.active), users.findLast((u) => u.active).name, users.findLastIndex((u) => u.active));
console.log(users.find((u) => u.id === 99), users.findIndex((u) => u.id === 99));
console.log(users.some((u) => u.active), users.every((u) => u.active));
console.log([].some(() => true), [].every(() => false));
console.log([1, 2, 3].includes(2), [1, 2, 3].indexOf(4), ['a', 'b', 'a'].lastIndexOf('a'));
console.log([1, 2, 3].at(-1), [1, 2, 3].at(5), 'abc'.at(-2));
