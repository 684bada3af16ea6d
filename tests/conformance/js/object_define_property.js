const obj = {};
Object.defineProperty(obj, 'hidden', { value: 'secret', enumerable: false });
Object.defineProperty(obj, 'fixed', { value: 1, writable: false, enumerable: true });
console.log(obj, Object.keys(obj), obj.hidden, JSON.stringify(obj));
obj.fixed = 2;
console.log(obj.fixed);
console.log(Object.getOwnPropertyDescriptor(obj, 'hidden'));
console.log(Object.getOwnPropertyNames(obj));
let celsius = 20;
Object.defineProperty(obj, 'fahrenheit', {
  get() { return celsius * 9 / 5 + 32; },
  set(f) { celsius = (f - 32) * 5 / 9; },
  enumerable: true,
  configurable: true,
});
obj.fahrenheit = 212;
console.log(celsius, obj.fahrenheit, obj);
Object.defineProperties(obj, { a: { value: 1, enumerable: true }, b: { value: 2 } });
console.log(Object.getOwnPropertyDescriptors({ get g() { return 1; }, v: 2 }));
try {
  Object.defineProperty(obj, 'fixed', { value: 3 });
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
