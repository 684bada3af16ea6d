const config = {
  get expensive() {
    console.log('computing once...');
    const value = [1, 2, 3].map((x) => x * 100);
    Object.defineProperty(this, 'expensive', { value, enumerable: true });
    return value;
  },
};
console.log(config.expensive);
console.log(config.expensive);
console.log(Object.getOwnPropertyDescriptor(config, 'expensive').value);
const prefix = 'user';
let n = 0;
const dynamic = {
  [`${prefix}Name`]: 'Ann',
  [`${prefix}_${++n}`]: n,
  [`${prefix}_${++n}`]: n,
  [Symbol.toStringTag]: 'Dyn',
  ['say' + 'Hi']() {
    return 'hi';
  },
};
console.log(dynamic, dynamic.sayHi(), String(dynamic));
const spreadGetter = { ...{ get now() { return 'evaluated during spread'; } } };
console.log(Object.getOwnPropertyDescriptor(spreadGetter, 'now'));
