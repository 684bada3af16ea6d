const p = new Proxy({ a: 1 }, {});
console.log(p);
console.log(new Proxy([1, 2], {}));
console.log(typeof globalThis, typeof global, globalThis === global);
console.log(Object.keys({ toString() {} }));
