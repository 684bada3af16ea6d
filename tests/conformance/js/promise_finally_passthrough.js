Promise.resolve('value')
  .finally(() => 'ignored')
  .then((v) => console.log('after finally', v));
Promise.reject(new Error('err'))
  .finally(() => console.log('finally runs on rejection'))
  .catch((e) => console.log('caught', e.message));
