const target = document.createElement('div');
target.addEventListener('ping', (e) => console.log('ping', e.detail), { once: true });
target.addEventListener('ping', (e) => console.log('always', e.type, e instanceof CustomEvent));
target.dispatchEvent(new CustomEvent('ping', { detail: { n: 1 } }));
target.dispatchEvent(new CustomEvent('ping', { detail: { n: 2 } }));
const ev = new Event('cancelable', { cancelable: true });
target.addEventListener('cancelable', (e) => e.preventDefault());
console.log(target.dispatchEvent(ev), ev.defaultPrevented);
