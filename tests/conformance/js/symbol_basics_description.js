const s1 = Symbol('id');
const s2 = Symbol('id');
console.log(s1 === s2, s1.toString(), s1.description, Symbol().description);
const user = { name: 'Ann', [s1]: 123 };
console.log(user[s1], Object.keys(user), JSON.stringify(user));
console.log(Object.getOwnPropertySymbols(user), Reflect.ownKeys(user));
console.log(user);
const g1 = Symbol.for('app.key');
console.log(g1 === Symbol.for('app.key'), Symbol.keyFor(g1), Symbol.keyFor(s1));
console.log(typeof s1, typeof Symbol.iterator, Symbol.iterator.toString());
try {
  console.log(`${s1}`);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
try {
  new Symbol();
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
