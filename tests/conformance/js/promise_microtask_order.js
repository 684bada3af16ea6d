console.log('1 sync');
setTimeout(() => console.log('6 timeout'), 0);
Promise.resolve().then(() => console.log('3 microtask'));
queueMicrotask(() => console.log('4 queueMicrotask'));
process.nextTick(() => console.log('2.5 nextTick'));
Promise.resolve().then(() => {
  console.log('5 microtask');
  Promise.resolve().then(() => console.log('5.5 nested microtask'));
});
console.log('2 sync');
