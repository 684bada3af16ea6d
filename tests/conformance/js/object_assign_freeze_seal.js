const target = { a: 1 };
const result = Object.assign(target, { b: 2 }, null, { a: 3 });
console.log(result === target, target);
const frozen = Object.freeze({ x: 1, inner: { y: 2 } });
frozen.x = 100;
frozen.z = 1;
frozen.inner.y = 200;
console.log(frozen, Object.isFrozen(frozen), Object.isFrozen(frozen.inner));
const sealed = Object.seal({ s: 1 });
sealed.s = 2;
sealed.t = 3;
delete sealed.s;
console.log(sealed, Object.isSealed(sealed));
const np = Object.preventExtensions({ p: 1 });
np.q = 2;
delete np.p;
console.log(np, Object.isExtensible(np));
function deepFreeze(o) {
  Object.values(o).forEach((v) => typeof v === 'object' && v !== null && deepFreeze(v));
  return Object.freeze(o);
}
const cfg = deepFreeze({ db: { host: 'h' } });
cfg.db.host = 'changed';
console.log(cfg.db.host);
'use strict';
console.log('directive not at top has no effect');
