setTimeout(() => {
  console.log('timer 1');
  undefinedFunction();
}, 0);
setTimeout(() => console.log('timer 2 still runs'), 10);
console.log(typeof document);
