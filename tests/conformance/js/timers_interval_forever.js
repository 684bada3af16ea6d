let n = 0;
setInterval(() => {
  n++;
  console.log('tick', n);
}, 2000);
console.log('started');
