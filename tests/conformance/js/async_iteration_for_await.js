async function* countdown(n) {
  while (n > 0) {
    await new Promise((r) => setTimeout(r, 10));
    yield n--;
  }
}
async function* paginate() {
  const pages = [['a', 'b'], ['c'], []];
  for (const page of pages) {
    if (page.length === 0) return;
    yield page;
  }
}
(async () => {
  for await (const n of countdown(3)) console.log('tick', n);
  const all = [];
  for await (const page of paginate()) all.push(...page);
  console.log(all);
  for await (const v of [Promise.resolve(1), 2, new Promise((r) => setTimeout(() => r(3), 5))]) {
    console.log('value', v);
  }
  const stream = {
    async *[Symbol.asyncIterator]() {
      yield '数据块1';
      yield '数据块2';
    },
  };
  for await (const chunk of stream) console.log(chunk);
  const g = countdown(1);
  console.log(g[Symbol.asyncIterator]() === g, await g.next(), await g.next());
})();
