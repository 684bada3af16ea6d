const pending = new Promise(() => {});
const fulfilled = Promise.resolve({ a: 1 });
const rejected = Promise.reject('reason');
rejected.catch(() => {});
console.log(pending);
console.log(fulfilled);
console.log(rejected);
console.log([pending, Promise.resolve(42)]);
