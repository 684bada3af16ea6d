const o = { z: 1, 10: 'ten', a: 2, 2: 'two', [Symbol('s')]: 3, '01': 'str' };
console.log(Object.keys(o), Reflect.ownKeys(o).length);
console.log(o);
console.log(Object.is(NaN, NaN), NaN === NaN, Object.is(0, -0), 0 === -0, Object.is('a', 'a'));
console.log([NaN].includes(NaN), [NaN].indexOf(NaN));
const a = { x: 1 };
const b = { x: 1 };
console.log(a == b, a === b, JSON.stringify(a) === JSON.stringify(b));
function shallowEqual(p, q) {
  const kp = Object.keys(p), kq = Object.keys(q);
  return kp.length === kq.length && kp.every((k) => Object.is(p[k], q[k]));
}
console.log(shallowEqual(a, b), shallowEqual({ x: 1 }, { x: 1, y: 2 }));
console.log(Object.hasOwn(a, 'x'), Object.hasOwn(a, 'toString'), 'toString' in a);
