function myInstanceOf(obj, Ctor) {
  let proto = Object.getPrototypeOf(obj);
  while (proto !== null) {
    if (proto === Ctor.prototype) return true;
    proto = Object.getPrototypeOf(proto);
  }
  return false;
}
class A {}
class B extends A {}
const b = new B();
console.log(myInstanceOf(b, A), myInstanceOf(b, B), myInstanceOf(b, Array));
console.log(b instanceof A, [] instanceof Object, Object.create(null) instanceof Object);
class Even {
  static [Symbol.hasInstance](n) {
    return n % 2 === 0;
  }
}
console.log(2 instanceof Even, 3 instanceof Even);
function myNew(Ctor, ...args) {
  const obj = Object.create(Ctor.prototype);
  const result = Ctor.apply(obj, args);
  return result instanceof Object ? result : obj;
}
function Car(make) { this.make = make; }
console.log(myNew(Car, 'BYD'));
