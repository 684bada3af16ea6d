let target = { value: 42 };
const ref = new WeakRef(target);
console.log(ref.deref().value);
target = null;
setTimeout(() => {
  gc();
  setTimeout(() => {
    console.log(ref.deref());
  }, 0);
}, 0);
