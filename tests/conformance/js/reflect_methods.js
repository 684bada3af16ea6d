const obj = { a: 1 };
console.log(Reflect.has(obj, 'a'), Reflect.get(obj, 'a'), Reflect.set(obj, 'b', 2), obj);
console.log(Reflect.ownKeys({ z: 1, [Symbol('s')]: 2, 1: 0 }));
console.log(Reflect.defineProperty(obj, 'c', { value: 3 }), Object.getOwnPropertyDescriptor(obj, 'c'));
console.log(Reflect.deleteProperty(obj, 'a'), Reflect.deleteProperty(obj, 'c'), obj);
console.log(Reflect.apply(Math.max, null, [1, 5, 3]));
class Point {
  constructor(x, y) { this.x = x; this.y = y; }
}
console.log(Reflect.construct(Point, [1, 2]));
console.log(Reflect.getPrototypeOf([]) === Array.prototype, Reflect.isExtensible(Object.freeze({})));
const frozen = Object.freeze({ k: 1 });
console.log(Reflect.set(frozen, 'k', 2), frozen.k);
