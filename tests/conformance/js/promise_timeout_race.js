function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`超时 ${ms}ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
const fetchLike = (ms, data) => new Promise((r) => setTimeout(() => r(data), ms));
withTimeout(fetchLike(50, 'fast data'), 100).then(console.log, (e) => console.log(e.message));
withTimeout(fetchLike(200, 'slow data'), 100).then(console.log, (e) => console.log(e.message));
