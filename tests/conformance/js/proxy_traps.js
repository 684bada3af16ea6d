const target = { a: 1 };
const log = [];
const p = new Proxy(target, {
  get(t, key, r) {
    log.push(`get ${String(key)}`);
    return Reflect.get(t, key, r);
  },
  set(t, key, v) {
    log.push(`set ${String(key)}=${v}`);
    t[key] = v * 2;
    return true;
  },
  has(t, key) {
    return key === 'magic' || key in t;
  },
});
p.b = 5;
console.log(p.a, p.b, 'magic' in p, 'zzz' in p);
console.log(log);
console.log(target);
