function outer() {
  const unused = { payload: 'large' };
  const used = 'small';
  const keep = () => used;
  const leak = () => unused;
  return keep;
}
const fn = outer();
console.log(fn(), fn.length, fn.name);
