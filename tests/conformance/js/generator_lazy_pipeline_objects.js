function* range(start, end) {
  for (let i = start; i < end; i++) {
    console.log('produce', i);
    yield i;
  }
}
function* mapGen(it, fn) {
  for (const x of it) yield fn(x);
}
const squares = mapGen(range(1, 4), (x) => x * x);
console.log('nothing produced yet');
console.log(squares.next());
console.log([...squares]);
function* idGen(prefix) {
  let id = 1;
  while (true) {
    const reset = yield `${prefix}-${String(id).padStart(3, '0')}`;
    id = reset ? 1 : id + 1;
  }
}
const ids = idGen('订单');
console.log(ids.next().value, ids.next().value, ids.next(true).value, ids.next().value);
const g = range(0, 2);
console.log(g.return('early'), g.next());
function* withCleanup() {
  try {
    yield 1;
    yield 2;
  } finally {
    console.log('generator cleanup');
  }
}
for (const v of withCleanup()) {
  console.log('v', v);
  break;
}
