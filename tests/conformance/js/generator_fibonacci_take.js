function* fibonacci() {
  let [a, b] = [0, 1];
  while (true) {
    yield a;
    [a, b] = [b, a + b];
  }
}
function* take(iter, n) {
  let i = 0;
  for (const v of iter) {
    if (i++ >= n) return;
    yield v;
  }
}
console.log([...take(fibonacci(), 10)]);
function* map(iter, fn) {
  for (const v of iter) yield fn(v);
}
function* filter(iter, pred) {
  for (const v of iter) if (pred(v)) yield v;
}
console.log([...take(filter(map(fibonacci(), (x) => x * 2), (x) => x % 3 === 0), 4)]);
const gen = fibonacci();
console.log(gen.next(), gen.next().value, gen[Symbol.iterator]() === gen);
console.log(gen, Object.prototype.toString.call(gen));
