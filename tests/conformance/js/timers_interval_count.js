let ticks = 0;
const start = [];
const id = setInterval(() => {
  ticks++;
  start.push(ticks);
  if (ticks === 4) {
    clearInterval(id);
    console.log('stopped after', start);
  }
}, 10);
setTimeout(() => console.log('timeout at 25, ticks so far', ticks), 25);
