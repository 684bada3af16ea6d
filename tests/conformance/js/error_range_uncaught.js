function depth(n) {
  return depth(n + 1);
}
console.log('start');
depth(0);
