const users = [
  { id: 1, name: '张三', email: 'zhangsan@example.com', roles: ['admin'] },
  { id: 2, name: 'Bob', email: 'bob@example.com', roles: [] },
  { id: 3, name: 'Carol', email: 'carol@example.com', roles: ['dev', 'ops'] },
];
console.log(users);
console.log(users.map((u) => u.name));
console.log(users.map(({ id, name }) => ({ id, name })));
console.log({ total: users.length, first: users[0] });
console.log([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
console.log(Array.from({ length: 30 }, (_, i) => i * 3));
console.log(Array.from({ length: 8 }, (_, i) => 'item-' + i));
