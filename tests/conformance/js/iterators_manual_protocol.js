const arr = ['a', 'b'];
const it = arr[Symbol.iterator]();
console.log(it.next(), it.next(), it.next());
console.log(typeof it[Symbol.iterator], it[Symbol.iterator]() === it);
const linkedList = {
  head: { value: 1, next: { value: 2, next: { value: 3, next: null } } },
  *[Symbol.iterator]() {
    for (let n = this.head; n; n = n.next) yield n.value;
  },
};
console.log([...linkedList], Array.from(linkedList).reverse());
function makeIterator(items) {
  let i = 0;
  return {
    next() {
      return i < items.length ? { value: items[i++], done: false } : { done: true };
    },
    return() {
      console.log('iterator closed early');
      return { done: true };
    },
    [Symbol.iterator]() {
      return this;
    },
  };
}
for (const x of makeIterator([1, 2, 3])) {
  if (x === 2) break;
  console.log('loop', x);
}
const [first] = makeIterator(['only first']);
console.log(first);
const entries = Object.entries({ a: 1 })[Symbol.iterator]();
console.log(entries.next(), entries.toString(), Object.prototype.toString.call(new Map().keys()));
