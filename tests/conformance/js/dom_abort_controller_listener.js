const controller = new AbortController();
const target = document.createElement('div');
target.addEventListener('ping', () => console.log('ping heard'), { signal: controller.signal });
target.dispatchEvent(new Event('ping'));
controller.abort();
target.dispatchEvent(new Event('ping'));
console.log('aborted', controller.signal.aborted);
