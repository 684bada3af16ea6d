function f() {}
f.meta = 'x';
console.log(f);
console.log([f]);
const arrowWithName = () => {};
Object.defineProperty(arrowWithName, 'name', { value: 'renamed' });
console.log(arrowWithName);
console.log({ method() {}, async am() {}, *gen() {} });
