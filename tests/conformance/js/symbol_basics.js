const s = Symbol('tag');
const o = { [s]: 1, plain: 2 };
console.log(s.toString(), s.description, typeof s);
console.log(Object.keys(o), o[s], o);
console.log(Symbol.for('k') === Symbol.for('k'), Symbol('k') === Symbol('k'));
class Range {
  constructor(n) { this.n = n; }
  *[Symbol.iterator]() { for (let i = 0; i < this.n; i++) yield i; }
}
console.log([...new Range(4)]);
