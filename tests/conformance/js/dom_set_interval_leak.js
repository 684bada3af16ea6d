const el = document.createElement('div');
document.body.appendChild(el);
let runs = 0;
const id = setInterval(() => {
  runs++;
  if (!el.isConnected) {
    console.log('element gone after', runs, 'runs; clearing');
    clearInterval(id);
    return;
  }
  console.log('update', runs);
}, 100);
setTimeout(() => el.remove(), 250);
