setTimeout(() => {
  console.log('timeout 1');
  Promise.resolve().then(() => console.log('micro in timeout 1'));
}, 0);
setTimeout(() => {
  console.log('timeout 2');
  process.nextTick(() => console.log('tick in timeout 2'));
  Promise.resolve().then(() => console.log('micro in timeout 2'));
}, 0);
Promise.resolve().then(() => {
  console.log('micro 1');
  setTimeout(() => console.log('timeout from micro'), 0);
});
