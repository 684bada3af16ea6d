const fail = (msg, ms = 0) => new Promise((_, reject) => setTimeout(() => reject(new Error(msg)), ms));
async function withTryCatch() {
  try {
    await fail('network down');
  } catch (e) {
    console.log('caught:', e.message);
    return 'recovered';
  } finally {
    console.log('cleanup');
  }
}
async function throwsSync() {
  throw new TypeError('bad input');
}
withTryCatch().then((v) => console.log('result', v));
throwsSync().catch((e) => console.log('catch() got', e.name, e.message));
const p = throwsSync();
console.log(p instanceof Promise);
p.then(
  () => console.log('never'),
  (e) => console.log('onRejected', e.message)
);
async function retry(fn, times) {
  for (let i = 1; i <= times; i++) {
    try {
      return await fn(i);
    } catch (e) {
      console.log(`attempt ${i} failed: ${e.message}`);
    }
  }
  throw new Error('all attempts failed');
}
retry(async (i) => {
  if (i < 3) throw new Error('flaky ' + i);
  return 'success on ' + i;
}, 5).then(console.log);
