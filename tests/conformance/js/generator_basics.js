function* count(n) {
  for (let i = 0; i < n; i++) {
    const got = yield i;
    if (got) console.log('received', got);
  }
  return 'done';
}
const g = count(3);
console.log(g.next(), g.next('hello'), g.next(), g.next(), g.next());
console.log([...count(4)]);
function* inner() { yield 'a'; yield 'b'; }
function* outer() { yield 1; yield* inner(); yield 2; }
console.log([...outer()]);
