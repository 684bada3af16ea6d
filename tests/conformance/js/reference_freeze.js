'use strict';
const frozen = Object.freeze({ a: 1, inner: { b: 2 } });
try {
  frozen.a = 2;
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
frozen.inner.b = 3;
console.log(frozen, Object.isFrozen(frozen), Object.isFrozen(frozen.inner));
const sealed = Object.seal({ k: 1 });
sealed.k = 2;
try {
  sealed.extra = 1;
} catch (e) {
  console.log(e.message);
}
console.log(sealed);
