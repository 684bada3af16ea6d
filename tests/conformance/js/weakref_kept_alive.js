const target = { value: 1 };
const ref = new WeakRef(target);
setTimeout(() => {
  gc();
  setTimeout(() => {
    console.log(ref.deref() === target, ref.deref().value);
  }, 0);
}, 0);
