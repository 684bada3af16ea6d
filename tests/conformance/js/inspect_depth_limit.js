const deep = { l1: { l2: { l3: { l4: 'bottom' } } } };
console.log(deep);
console.log([[[[['five']]]]]);
console.log({ arr: [{ inner: { x: 1 } }] });
console.log(new Map([['k', { a: { b: { c: 1 } } }]]));
