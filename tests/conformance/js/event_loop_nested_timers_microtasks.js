setTimeout(() => {
  console.log('timeout 1');
  Promise.resolve().then(() => console.log('micro inside timeout 1'));
}, 0);
setTimeout(() => {
  console.log('timeout 2');
}, 0);
Promise.resolve().then(() => {
  console.log('micro 1');
  setTimeout(() => console.log('timeout from micro'), 0);
  Promise.resolve().then(() => console.log('micro nested'));
});
setTimeout(() => console.log('timeout 300ms'), 300);
setTimeout(() => console.log('timeout 150ms'), 150);
console.log('sync');
