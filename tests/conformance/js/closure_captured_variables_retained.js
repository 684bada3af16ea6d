function makeHolder() {
  const big = new Array(1000).fill('x');
  const small = 'keep';
  return {
    getSmall: () => small,
    size: () => big.length,
  };
}
const h = makeHolder();
console.log(h.getSmall(), h.size());
