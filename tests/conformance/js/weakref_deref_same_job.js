let target = { big: new Array(10).fill(0) };
const ref = new WeakRef(target);
target = null;
gc();
console.log(ref.deref() !== undefined);
