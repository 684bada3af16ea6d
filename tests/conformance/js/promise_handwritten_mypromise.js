// 手写 Promise（简化版 Promises/A+）
class MyPromise {
  #state = 'pending';
  #value;
  #handlers = [];
  constructor(executor) {
    const settle = (state, value) => {
      if (this.#state !== 'pending') return;
      this.#state = state;
      this.#value = value;
      queueMicrotask(() => this.#handlers.splice(0).forEach((h) => h()));
    };
    const resolve = (v) => {
      if (v && typeof v.then === 'function') return v.then(resolve, reject);
      settle('fulfilled', v);
    };
    const reject = (e) => settle('rejected', e);
    try {
      executor(resolve, reject);
    } catch (e) {
      reject(e);
    }
  }
  then(onFulfilled, onRejected) {
    return new MyPromise((resolve, reject) => {
      const run = () => {
        const cb = this.#state === 'fulfilled' ? onFulfilled : onRejected;
        if (typeof cb !== 'function') return (this.#state === 'fulfilled' ? resolve : reject)(this.#value);
        try {
          resolve(cb(this.#value));
        } catch (e) {
          reject(e);
        }
      };
      if (this.#state === 'pending') this.#handlers.push(run);
      else queueMicrotask(run);
    });
  }
  catch(onRejected) {
    return this.then(undefined, onRejected);
  }
  static resolve(v) {
    return new MyPromise((r) => r(v));
  }
  static all(list) {
    return new MyPromise((resolve, reject) => {
      const out = [];
      let left = list.length;
      if (!left) resolve(out);
      list.forEach((p, i) => MyPromise.resolve(p).then((v) => {
        out[i] = v;
        if (--left === 0) resolve(out);
      }, reject));
    });
  }
}
console.log('start');
new MyPromise((resolve) => setTimeout(() => resolve('async value'), 10))
  .then((v) => {
    console.log('then 1:', v);
    return v.length;
  })
  .then((n) => {
    console.log('then 2:', n);
    throw new Error('oops');
  })
  .catch((e) => console.log('catch:', e.message));
MyPromise.resolve(1).then((v) => console.log('sync-resolved then runs as microtask', v));
MyPromise.all([1, MyPromise.resolve(2), new MyPromise((r) => setTimeout(r, 5, 3))]).then((v) => console.log('all:', v));
console.log('end');
