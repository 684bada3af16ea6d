setTimeout(() => {
  console.log('outer');
  setTimeout(() => console.log('inner 0'), 0);
  Promise.resolve().then(() => console.log('outer microtask'));
}, 0);
setTimeout(() => console.log('second 0'), 0);
setTimeout(() => console.log('at 5'), 5);
