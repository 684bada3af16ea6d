const sleep = (ms, value) => new Promise((resolve) => setTimeout(() => resolve(value), ms));
async function main() {
  console.log('开始');
  const a = await sleep(100, 'A');
  console.log('got', a);
  const [b, c] = await Promise.all([sleep(50, 'B'), sleep(20, 'C')]);
  console.log('got', b, c);
  for (const ms of [30, 10]) {
    console.log('waited', await sleep(ms, ms));
  }
  return '完成';
}
main().then((r) => console.log(r));
console.log('main() returned a promise, sync code continues');
