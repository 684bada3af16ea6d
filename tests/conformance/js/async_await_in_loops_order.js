const wait = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
async function demo() {
  console.log('for...of 顺序执行:');
  for (const ms of [30, 10, 20]) {
    console.log(' done', await wait(ms, ms));
  }
  console.log('map + Promise.all 并行执行:');
  const results = await Promise.all([30, 10, 20].map(async (ms) => {
    const v = await wait(ms, ms);
    console.log(' finished', v);
    return v * 2;
  }));
  console.log(results);
  console.log('Promise.allSettled with failures:');
  const settled = await Promise.allSettled([wait(5, 'ok'), Promise.reject(new Error('x')), 3]);
  console.log(settled.map((s) => s.status));
  let i = 0;
  while (i < 3) {
    await null;
    i++;
  }
  console.log('while loop with await null', i);
}
demo().then(() => console.log('end'));
