async function f() {
  console.log('f start');
  await null;
  console.log('f after await');
  return 'f done';
}
async function g() {
  console.log('g start');
  const v = await f();
  console.log('g got', v);
}
g().then(() => console.log('g resolved'));
console.log('sync end');
