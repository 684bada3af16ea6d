const registry = new FinalizationRegistry(held => console.log('finalized', held));
(function () { let o = { big: new Array(1000) }; registry.register(o, 'o'); })();
gc();
setTimeout(() => { gc(); console.log('later'); }, 0);
let ref;
(function () { const x = { a: 1 }; ref = new WeakRef(x); })();
console.log(ref.deref());
setTimeout(() => { gc(); console.log(ref.deref()); }, 10);
