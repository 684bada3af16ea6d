const p1 = Promise.resolve();
p1.then(() => console.log('a1')).then(() => console.log('a2')).then(() => console.log('a3'));
p1.then(() => console.log('b1')).then(() => console.log('b2'));
new Promise((resolve) => {
  console.log('executor runs synchronously');
  resolve(Promise.resolve('inner'));
}).then((v) => console.log('resolved with promise:', v));
Promise.resolve().then(() => console.log('c1'));
(async () => {
  const v = await Promise.resolve('awaited');
  console.log(v);
})();
console.log('end of script');
