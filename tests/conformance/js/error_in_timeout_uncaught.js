setTimeout(() => {
  console.log('in timer');
  JSON.parse('{oops');
}, 0);
setTimeout(() => console.log('second timer never runs'), 5);
console.log('scheduled');
