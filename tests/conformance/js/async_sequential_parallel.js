const wait = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
async function sequential() {
  const a = await wait(20, 'a');
  const b = await wait(10, 'b');
  return a + b;
}
async function parallel() {
  const [a, b] = await Promise.all([wait(20, 'A'), wait(10, 'B')]);
  return a + b;
}
sequential().then((v) => console.log('sequential', v));
parallel().then((v) => console.log('parallel', v));
