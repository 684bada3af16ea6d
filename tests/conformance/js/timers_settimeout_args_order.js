setTimeout((a, b) => console.log('args', a, b), 20, 'x', 'y');
setTimeout(() => console.log('500'), 500);
setTimeout(() => console.log('0 first'), 0);
setTimeout(() => console.log('0 second'), 0);
setTimeout(() => console.log('300'), 300);
const id = setTimeout(() => console.log('cancelled'), 30);
clearTimeout(id);
let n = 0;
const iv = setInterval(() => {
  n++;
  console.log('interval', n);
  if (n === 3) clearInterval(iv);
}, 200);
console.log(typeof id, typeof id.ref, id.hasRef());
