const status = document.createElement('p');
document.body.append(status);
status.textContent = 'loading';
const log = (msg) => console.log(msg, '|', status.textContent);
setTimeout(() => {
  status.textContent = 'timer';
  log('setTimeout');
}, 0);
Promise.resolve().then(() => {
  status.textContent = 'microtask';
  log('promise');
});
requestAnimationFrame(() => log('rAF'));
queueMicrotask(() => log('queueMicrotask'));
log('sync');
new MutationObserver((records) => log(`observer saw ${records.length} change(s)`)).observe(status, { childList: true });
status.textContent = 'mutated';
