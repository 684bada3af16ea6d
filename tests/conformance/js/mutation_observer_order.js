const el = document.createElement('div');
document.body.appendChild(el);
new MutationObserver(() => console.log('observer')).observe(el, { childList: true });
Promise.resolve().then(() => console.log('promise before'));
el.appendChild(document.createElement('p'));
Promise.resolve().then(() => console.log('promise after'));
setTimeout(() => console.log('timeout'), 0);
console.log('sync');
