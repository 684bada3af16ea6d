// map/filter/slice on an Array subclass build the subclass (Symbol.species).
class Stack extends Array {
  peek() {
    return this[this.length - 1];
  }
}
const s = Stack.from([1, 2, 3]);
const doubled = s.map((x) => x * 2);
console.log(doubled, doubled instanceof Stack, doubled.peek());
console.log(s.filter((x) => x > 1), s.slice(1).constructor.name, s.concat([4]).length);
class Plain extends Array {
  static get [Symbol.species]() {
    return Array;
  }
}
const p = Plain.of(1, 2);
console.log(p.map((x) => x) instanceof Plain, p.map((x) => x).constructor.name);
console.log(Array[Symbol.species] === Array, Map[Symbol.species] === Map, Promise[Symbol.species] === Promise);
class MyPromise extends Promise {}
const mp = MyPromise.resolve(1).then((x) => x);
console.log(mp instanceof MyPromise, mp.constructor.name);
