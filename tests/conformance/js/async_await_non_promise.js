async function f() {
  const a = await 1;
  const b = await { then: (r) => r(2) };
  const c = await Promise.resolve(3);
  return a + b + c;
}
f().then((v) => console.log('sum', v));
(async () => {
  console.log('iife start');
  await null;
  console.log('iife after await');
})();
console.log('sync');
