function tick() {
  const data = { items: [1, 2, 3] };
  data.items.forEach(function check(n) {
    if (n === 2) throw new RangeError(`bad item ${n}`);
  });
}
setTimeout(tick, 5);
