const p = new Promise(() => {
  throw new Error('thrown in executor');
});
p.catch((e) => console.log('rejected with', e.message));
new Promise((resolve, reject) => {
  resolve('first');
  reject(new Error('ignored'));
}).then((v) => console.log('settled once:', v));
try {
  Promise.resolve().then.call({}, () => {});
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
try {
  new Promise(5);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
