setTimeout(() => console.log('timeout 0'), 0);
requestAnimationFrame(() => {
  console.log('frame 1');
  requestAnimationFrame(() => console.log('frame 2'));
});
const id = requestAnimationFrame(() => console.log('cancelled frame'));
cancelAnimationFrame(id);
setTimeout(() => console.log('timeout 100'), 100);
