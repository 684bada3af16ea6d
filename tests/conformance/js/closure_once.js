function once(fn) {
  let done = false;
  let result;
  return function (...args) {
    if (!done) {
      done = true;
      result = fn.apply(this, args);
    }
    return result;
  };
}
const init = once((x) => {
  console.log('init with', x);
  return x * 2;
});
console.log(init(1), init(2), init(3));
