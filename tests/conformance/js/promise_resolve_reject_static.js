const log = (label) => (v) => console.log(label, v);
Promise.resolve(42).then(log('resolve:'));
Promise.reject(new Error('rejected')).catch((e) => console.log('reject:', e.message));
new Promise((resolve, reject) => {
  reject('plain string reason');
}).catch(log('caught string:'));
new Promise(() => {
  throw new SyntaxError('thrown in executor');
}).catch((e) => console.log('executor throw becomes rejection:', e.name));
const p = Promise.resolve('x');
p.then(log('first then:'));
p.then(log('second then on same promise:'));
Promise.resolve()
  .then(() => Promise.reject(new Error('inner reject')))
  .then(log('skipped'))
  .catch((e) => e.message)
  .then(log('recovered value:'));
const delayed = new Promise((resolve) => setTimeout(resolve, 50, 'after 50ms'));
delayed.then(log('timer resolve:'));
Promise.resolve(delayed).then(log('wrapping keeps identity:'));
console.log(Promise.resolve(delayed) === delayed);
