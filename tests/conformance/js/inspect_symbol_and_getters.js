const s = Symbol('id');
const obj = {
  [s]: 1,
  get computed() {
    return 42;
  },
  set only(v) {},
  normal: 'n',
};
console.log(obj);
console.log({ [Symbol.iterator]: 1, [Symbol()]: 2 });
