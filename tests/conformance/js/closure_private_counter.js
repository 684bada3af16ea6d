function createCounter(start = 0) {
  let count = start;
  return {
    increment() { return ++count; },
    decrement() { return --count; },
    get value() { return count; },
  };
}
const c1 = createCounter();
const c2 = createCounter(10);
c1.increment();
c1.increment();
c2.decrement();
console.log(c1.value, c2.value);
console.log(c1.count);
console.log(c1);
