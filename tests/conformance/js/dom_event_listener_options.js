const btn = document.createElement('button');
document.body.append(btn);
btn.addEventListener('click', () => console.log('once listener'), { once: true });
const controller = new AbortController();
btn.addEventListener('click', () => console.log('abortable listener'), { signal: controller.signal });
function shared() {
  console.log('same function added twice runs once');
}
btn.addEventListener('click', shared);
btn.addEventListener('click', shared);
document.body.addEventListener('click', () => console.log('body capture'), { capture: true });
document.body.addEventListener('click', () => console.log('body bubble'));
console.log('--- click 1');
btn.click();
controller.abort();
console.log('--- click 2');
btn.click();
btn.removeEventListener('click', shared);
btn.onclick = () => console.log('onclick property');
btn.onclick = () => console.log('onclick replaced');
console.log('--- click 3');
btn.click();
btn.onclick = null;
console.log('--- click 4');
btn.click();
