async function* ticker(n) {
  for (let i = 0; i < n; i++) {
    await null;
    yield i;
  }
}
(async () => {
  for await (const v of ticker(3)) {
    console.log('tick', v);
  }
  for await (const v of [Promise.resolve('p'), 'plain']) {
    console.log('item', v);
  }
  console.log('done');
})();
console.log('sync');
