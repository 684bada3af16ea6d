const { a: { b: [, second] = [] } = {}, ...others } = { a: { b: [1, 2] }, c: 3, d: 4 };
console.log(second, others);
const [x = 'default', [y] = ['nested']] = [];
console.log(x, y);
const key = 'dynamic';
const { [key]: renamed = 'fallback' } = {};
console.log(renamed);
function swap([a, b]) {
  return [b, a];
}
console.log(swap([1, 2]));
for (const { id, tags: [firstTag = 'none'] = [] } of [{ id: 1, tags: ['t'] }, { id: 2 }]) {
  console.log(id, firstTag);
}
try {
  const { z } = null;
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
