let ticks = 0;
const start = [];
const id = setInterval(() => {
  ticks++;
  start.push(ticks);
  if (ticks === 4) {
    clearInterval(id);
    console.log('stopped after', start);
  }
}, 100);
setTimeout(() => console.log('timeout at 250, ticks so far', ticks), 250);
