const withDefault = (obj, fallback) =>
  new Proxy(obj, {
    get: (t, k) => (k in t ? t[k] : fallback),
  });
const scores = withDefault({ math: 90 }, 0);
console.log(scores.math, scores.english, 'english' in scores);
const negArray = (arr) =>
  new Proxy(arr, {
    get(target, prop, receiver) {
      const i = Number(prop);
      if (Number.isInteger(i) && i < 0) return target[target.length + i];
      return Reflect.get(target, prop, receiver);
    },
  });
const a = negArray([10, 20, 30]);
console.log(a[-1], a[-3], a[0], a.length, a.map((x) => x / 10));
const logged = new Proxy({ n: 1 }, {
  get(t, k, r) {
    console.log('get', String(k));
    return Reflect.get(t, k, r);
  },
  has(t, k) {
    console.log('has', k);
    return k in t;
  },
  ownKeys(t) {
    console.log('ownKeys');
    return Reflect.ownKeys(t);
  },
});
logged.n;
'n' in logged;
Object.keys(logged);
