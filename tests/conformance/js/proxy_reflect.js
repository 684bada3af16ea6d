const handler = {
  get: (t, k) => (k in t ? t[k] : `no ${String(k)}`),
  deleteProperty(t, k) {
    console.log('delete', k);
    return delete t[k];
  },
  ownKeys: (t) => [...Reflect.ownKeys(t), 'virtual'],
  getOwnPropertyDescriptor: (t, k) =>
    k === 'virtual' ? { value: 'v', enumerable: true, configurable: true } : Reflect.getOwnPropertyDescriptor(t, k),
};
const p = new Proxy({ real: 1 }, handler);
console.log(p.real, p.fake, Object.keys(p));
delete p.real;
console.log(Reflect.has({ a: 1 }, 'a'), Reflect.ownKeys({ b: 1, [Symbol('s')]: 2 }), Reflect.apply(Math.max, null, [1, 3]));
const { proxy, revoke } = Proxy.revocable({}, {});
revoke();
try {
  proxy.x;
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
