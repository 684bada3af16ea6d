function debounce(fn, wait) {
  let timer = null;
  return function (...args) {
    clearTimeout(timer);
    timer = setTimeout(() => fn.apply(this, args), wait);
  };
}
const log = debounce((msg) => console.log('debounced:', msg), 50);
log('a');
log('b');
setTimeout(() => log('c'), 10);
setTimeout(() => log('d'), 200);
function throttle(fn, wait) {
  let last = -Infinity;
  let now = 0;
  return (...args) => {
    now += 20;
    if (now - last >= wait) {
      last = now;
      fn(...args);
    }
  };
}
const t = throttle((i) => console.log('throttled', i), 50);
for (let i = 0; i < 10; i++) t(i);
