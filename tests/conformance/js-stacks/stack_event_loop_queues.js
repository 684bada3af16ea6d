// Which Node frames sit below a callback: the timers list, the immediate queue, the
// tick queue, the microtask queue, and where the queues are drained from.
const show = (t) => console.log(t + " | " + new Error().stack.split("\n").slice(2).map(s => s.trim()).join(" | "));
setTimeout(() => { Promise.resolve().then(() => { show("A-then1"); process.nextTick(() => show("A-tick-from-then")); Promise.resolve().then(() => show("A-then2")); }); }, 1);
setTimeout(() => { show("B-timer-same-list"); Promise.resolve().then(() => show("B-then")); }, 1);
setImmediate(() => { show("I1"); Promise.resolve().then(() => show("I1-then")); });
setImmediate(() => { show("I2"); Promise.resolve().then(() => show("I2-then")); process.nextTick(() => show("I2-tick")); });
setImmediate(() => { show("I3"); Promise.resolve().then(() => show("I3-then")); });
Promise.resolve().then(() => show("main-then"));
queueMicrotask(() => show("main-queued"));
process.nextTick(() => show("main-tick"));
