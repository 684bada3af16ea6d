const log = [];
const task = (name, ms) =>
  new Promise((resolve) =>
    setTimeout(() => {
      log.push(name);
      resolve(name.toUpperCase());
    }, ms)
  );
async function sequential() {
  const r = [];
  for (const [n, ms] of [['s1', 30], ['s2', 10]]) r.push(await task(n, ms));
  return r;
}
async function parallel() {
  return Promise.all([['p1', 30], ['p2', 10]].map(([n, ms]) => task(n, ms)));
}
(async () => {
  console.log(await parallel(), [...log]);
  log.length = 0;
  console.log(await sequential(), [...log]);
  const results = [];
  await [1, 2, 3].reduce(async (prev, n) => {
    await prev;
    results.push(await task('r' + n, 40 - n * 10));
  }, Promise.resolve());
  console.log(results);
  const forEachOrder = [];
  [3, 1, 2].forEach(async (n) => {
    await task('f' + n, n * 5);
    forEachOrder.push(n);
  });
  await task('wait', 50);
  console.log('forEach does not await:', forEachOrder);
})();
