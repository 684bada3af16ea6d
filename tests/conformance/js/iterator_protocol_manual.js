const iterable = {
  from: 1,
  to: 3,
  [Symbol.iterator]() {
    let current = this.from;
    const last = this.to;
    return {
      next: () => (current <= last ? { value: current++, done: false } : { value: undefined, done: true }),
      return: () => {
        console.log('iterator closed early');
        return { done: true };
      },
    };
  },
};
console.log([...iterable]);
for (const v of iterable) {
  if (v === 2) break;
  console.log('value', v);
}
const [first] = iterable;
console.log(first, Array.from(iterable, (x) => x * 10));
