class Range {
  constructor(start, end, step = 1) {
    Object.assign(this, { start, end, step });
  }
  *[Symbol.iterator]() {
    for (let i = this.start; i < this.end; i += this.step) yield i;
  }
}
const r = new Range(0, 10, 3);
console.log([...r], Math.max(...r), Array.from(r, (x) => x * x));
for (const n of new Range(1, 4)) console.log('n =', n);
const [a, b] = r;
console.log(a, b);
const manual = {
  from: 1,
  to: 3,
  [Symbol.iterator]() {
    let cur = this.from;
    const last = this.to;
    return {
      next: () => (cur <= last ? { value: cur++, done: false } : { value: undefined, done: true }),
    };
  },
};
console.log([...manual]);
const it = manual[Symbol.iterator]();
console.log(it.next(), it.next(), it.next(), it.next());
