const obj = {
  name: 'obj',
  regular() {
    return [this.name, (() => this.name)(), (function () { return this; })()];
  },
};
const r = obj.regular();
console.log(r[0], r[1], r[2] === undefined ? 'undefined' : typeof r[2]);
const detached = obj.regular;
try {
  detached();
} catch (e) {
  console.log(e.name);
}
const bound = obj.regular.bind({ name: 'bound' });
console.log(bound()[0]);
