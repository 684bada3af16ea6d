const registry = new FinalizationRegistry(() => {});
console.log(registry);
console.log(new WeakRef({}));
console.log(typeof registry.register, typeof registry.unregister);
