const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function runWithLimit(tasks, limit) {
  const results = [];
  let running = 0;
  let maxRunning = 0;
  let next = 0;
  async function worker(id) {
    while (next < tasks.length) {
      const i = next++;
      running++;
      maxRunning = Math.max(maxRunning, running);
      console.log(`worker ${id} starts task ${i}`);
      results[i] = await tasks[i]();
      running--;
    }
  }
  await Promise.all(Array.from({ length: limit }, (_, id) => worker(id)));
  return { results, maxRunning };
}
const tasks = [300, 100, 250, 50].map((ms, i) => async () => {
  await sleep(ms);
  return `task${i}:${ms}ms`;
});
runWithLimit(tasks, 2).then((r) => console.log(r));
