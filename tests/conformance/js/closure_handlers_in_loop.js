const handlers = [];
for (var i = 0; i < 3; i++) {
  handlers.push(((n) => () => `handler ${n}`)(i));
}
console.log(handlers.map((h) => h()));
const byLet = [];
for (let k of ['a', 'b']) {
  byLet.push(() => k);
}
console.log(byLet.map((h) => h()));
