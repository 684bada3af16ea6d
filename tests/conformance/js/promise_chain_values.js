Promise.resolve(1)
  .then((x) => {
    console.log('then 1 got', x);
    return x + 1;
  })
  .then((x) => {
    console.log('then 2 got', x);
    return Promise.resolve(x * 10);
  })
  .then((x) => {
    console.log('then 3 got', x);
    throw new Error('中途出错');
  })
  .then(() => console.log('skipped'))
  .catch((e) => {
    console.log('catch', e.message);
    return 'recovered';
  })
  .finally(() => console.log('finally (no args)'))
  .then((x) => console.log('after finally', x));
Promise.resolve('v').then().then((x) => console.log('passthrough', x));
Promise.reject(new Error('r')).then((x) => x).catch((e) => console.log('rejection skips then:', e.message));
const p = new Promise((resolve) => {
  resolve('first');
  resolve('second');
});
p.then((v) => console.log('settles once:', v));
