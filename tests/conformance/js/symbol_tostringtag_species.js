class Collection {
  get [Symbol.toStringTag]() {
    return 'Collection';
  }
}
console.log(Object.prototype.toString.call(new Collection()), String(new Collection()));
console.log(Object.prototype.toString.call([]), Object.prototype.toString.call(null), Object.prototype.toString.call(new Map()));
console.log(new Collection());
class MyArray extends Array {
  static get [Symbol.species]() {
    return Array;
  }
}
const arr = MyArray.from([1, 2, 3]);
const mapped = arr.map((x) => x);
console.log(arr instanceof MyArray, mapped instanceof MyArray, arr);
const spreadable = { length: 2, 0: 'a', 1: 'b', [Symbol.isConcatSpreadable]: true };
console.log([1].concat(spreadable));
