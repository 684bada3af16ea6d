console.log({ ...null, ...undefined, ...'hi', ...[9] });
console.log([...new Map([[1, 2]])], [...'ab'.matchAll(/./g)].map((m) => m[0]));
const getterObj = { get g() { return 'evaluated'; } };
const copy = { ...getterObj };
console.log(Object.getOwnPropertyDescriptor(copy, 'g').value);
function count() {
  return arguments.length;
}
console.log(count(...[1, 2], ...new Set([3])), Math.min(...[]));
try {
  [...{}];
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
