const cases = [
  () => { let o = null; o.x = 1; },
  () => Symbol() + '',
  () => new (class A { constructor() { new.target; } })().missing(),
  () => [].reduce((a, b) => a + b),
  () => 'abc'.repeat(-1),
  () => new Set().add.call({}, 1),
  () => structuredClone(() => {}),
  () => Object.defineProperty(Object.freeze({}), 'x', { value: 1 }),
  () => { class B {} B(); },
  () => { const s = 'str'; s(); },
  () => new Uint8Array(-1),
  () => decodeURIComponent('%'),
];
for (const c of cases) {
  try {
    c();
    console.log('no error');
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
}
