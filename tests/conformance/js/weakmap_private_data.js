const privates = new WeakMap();
class Person {
  constructor(name, secret) {
    this.name = name;
    privates.set(this, { secret });
  }
  reveal() {
    return privates.get(this).secret;
  }
}
const p = new Person('Ann', '喜欢猫');
console.log(p.reveal(), p, privates.has(p));
const visited = new WeakSet();
function visit(node) {
  if (visited.has(node)) return 'already visited';
  visited.add(node);
  return 'first visit';
}
const node = { id: 1 };
console.log(visit(node), visit(node), visit({ id: 1 }));
try {
  privates.set('string key', 1);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
try {
  visited.add(42);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
console.log(privates, visited);
const cache = new WeakMap();
function heavy(obj) {
  if (!cache.has(obj)) cache.set(obj, Object.keys(obj).length * 100);
  return cache.get(obj);
}
const o = { a: 1, b: 2 };
console.log(heavy(o), heavy(o));
