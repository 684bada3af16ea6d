async function returnsPromise() {
  return Promise.resolve('p');
}
async function returnsValue() {
  return 'v';
}
returnsPromise().then((x) => console.log(x));
returnsValue().then((x) => console.log(x));
Promise.resolve().then(() => console.log('t1')).then(() => console.log('t2')).then(() => console.log('t3'));
