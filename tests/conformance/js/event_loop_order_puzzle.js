console.log('1 script start');
setTimeout(() => console.log('8 setTimeout'), 0);
Promise.resolve()
  .then(() => console.log('4 promise 1'))
  .then(() => console.log('6 promise 2'));
queueMicrotask(() => console.log('5 queueMicrotask'));
(async () => {
  console.log('2 async fn start');
  await null;
  console.log('7 after await');
})();
process.nextTick(() => console.log('3.5 nextTick'));
console.log('3 script end');
