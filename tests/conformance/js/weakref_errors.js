for (const v of [1, 'str', null, undefined, Symbol.for('registered')]) {
  try {
    new WeakRef(v);
  } catch (e) {
    console.log(e.name + ': ' + e.message);
  }
}
try {
  new WeakMap().set('key', 1);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
console.log(new WeakRef(Symbol('local')).deref().toString());
