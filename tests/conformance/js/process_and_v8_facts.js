const mu = process.memoryUsage();
console.log(Object.keys(mu), typeof mu.heapUsed, mu.heapUsed > 0, mu.heapTotal >= mu.heapUsed);
const v8 = require('v8');
const stats = v8.getHeapStatistics();
console.log(typeof stats.total_heap_size, stats.used_heap_size > 0, 'heap_size_limit' in stats);
console.log(typeof gc, typeof globalThis.gc, typeof process.nextTick, typeof require);
