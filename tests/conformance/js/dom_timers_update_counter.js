const countEl = document.getElementById('count');
const btn = document.getElementById('start');
let timer = null;
btn.addEventListener('click', () => {
  if (timer) return console.log('already running');
  timer = setInterval(() => {
    const n = Number(countEl.textContent) + 1;
    countEl.textContent = n;
    console.log('tick', n, document.body.innerHTML);
    if (n === 3) {
      clearInterval(timer);
      btn.disabled = true;
      console.log('stopped, button disabled:', btn.disabled);
    }
  }, 100);
});
btn.click();
btn.click();
setTimeout(() => console.log('final count', countEl.textContent), 1000);
