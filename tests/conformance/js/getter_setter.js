const temp = {
  _c: 25,
  get f() {
    return this._c * 9 / 5 + 32;
  },
  set f(v) {
    this._c = (v - 32) * 5 / 9;
  },
};
console.log(temp.f);
temp.f = 212;
console.log(temp._c, temp);
const o = {};
Object.defineProperty(o, 'hidden', { value: 1, enumerable: false });
console.log(o, o.hidden, Object.getOwnPropertyNames(o));
