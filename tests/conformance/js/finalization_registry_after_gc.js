const registry = new FinalizationRegistry((held) => {
  console.log('finalized', held);
});
let obj = { data: 'x' };
registry.register(obj, 'obj-1');
obj = null;
gc();
console.log('after gc');
setTimeout(() => console.log('later'), 100);
