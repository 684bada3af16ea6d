// An interval stays on the timer list while its callback runs: it still has a ref,
// `refresh()` and `clearInterval` act on it, and a timeout set inside runs after it.
let n = 0;
const order = [];
const iv = setInterval(function () {
  n += 1;
  order.push('interval ' + n + ' hasRef=' + this.hasRef() + ' same=' + (this === iv));
  setTimeout(() => order.push('timeout after ' + n), 0);
  if (n === 2) this.refresh();
  if (n === 3) {
    clearInterval(iv);
    order.push('cleared, hasRef=' + iv.hasRef());
  }
}, 5);
const once = setTimeout(function () {
  order.push('timeout hasRef=' + this.hasRef());
}, 7);
setTimeout(() => console.log(order.join('\n')), 100);
