const formatMoney = (n) => n.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
console.log(formatMoney(1234567.891), formatMoney(0.5), formatMoney(-9876.5));
const formatBytes = (bytes) => {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (bytes >= 1024 && i < units.length - 1) {
    bytes /= 1024;
    i++;
  }
  return `${bytes.toFixed(i ? 1 : 0)} ${units[i]}`;
};
console.log([0, 1023, 1024, 1536, 1048576, 5e9, 1e15].map(formatBytes));
const formatDuration = (ms) => {
  const s = Math.floor(ms / 1000);
  return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((x) => String(x).padStart(2, '0')).join(':');
};
console.log(formatDuration(3723000), formatDuration(59999), formatDuration(0));
const round = (n, d = 0) => Number(Math.round(Number(n + 'e' + d)) + 'e-' + d);
console.log(round(1.005, 2), round(2.345, 2), round(1234.5678, -2), (1.005).toFixed(2));
const randomLike = (seed) => () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
const rnd = randomLike(42);
console.log([rnd(), rnd(), rnd()].map((x) => x.toFixed(6)));
console.log((25).toString(2), parseInt('11001', 2), (0.1 * 3).toFixed(20), 1e21 + 1, (123.456).toFixed(1));
