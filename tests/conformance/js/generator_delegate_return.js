function* inner() {
  yield 'i1';
  yield 'i2';
  return 'inner-result';
}
function* outer() {
  yield 'o1';
  const r = yield* inner();
  console.log('inner returned', r);
  yield* [10, 20];
  yield* 'ab';
  return 'done';
}
const g = outer();
let step;
while (!(step = g.next()).done) console.log(step.value);
console.log('final', step);
function* tree(node) {
  if (!node) return;
  yield* tree(node.left);
  yield node.value;
  yield* tree(node.right);
}
const t = { value: 2, left: { value: 1 }, right: { value: 3, right: { value: 4 } } };
console.log([...tree(t)]);
