const attempts = [
  () => undefined.foo,
  () => null.foo(),
  () => (void 0)(),
  () => ({}).method(),
  () => new (class A {})().missing(),
  () => 'abc'.toFixed(2),
  () => Symbol() + '',
  () => [].reduce((a, b) => a),
  () => new Array(-1),
  () => (1).toFixed(101),
  () => BigInt('1.5'),
  () => JSON.parse('{'),
  () => decodeURIComponent('%'),
  () => Object.defineProperty(1, 'x', {}),
  () => new Proxy({}, null),
  () => structuredClone(() => {}),
  () => { const x = 1; x = 2; },
  () => { class B extends null {} new B(); },
];
for (const f of attempts) {
  try {
    f();
    console.log('no error');
  } catch (e) {
    console.log(`${e.constructor.name}: ${e.message}`);
  }
}
