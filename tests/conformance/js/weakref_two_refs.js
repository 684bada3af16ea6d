let obj = { n: 1 };
const r1 = new WeakRef(obj);
const r2 = new WeakRef(obj);
console.log(r1 === r2, r1.deref() === r2.deref());
obj = null;
setTimeout(() => {
  gc();
  setTimeout(() => console.log(r1.deref(), r2.deref()), 0);
}, 0);
