let target = { id: 1 };
const ref = new WeakRef(target);
target = null;
Promise.resolve().then(() => {
  gc();
  console.log('microtask', ref.deref() !== undefined);
});
setTimeout(() => {
  console.log('task', ref.deref());
}, 0);
