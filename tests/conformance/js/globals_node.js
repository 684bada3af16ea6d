console.log(typeof globalThis.process, typeof module, typeof exports, typeof require);
console.log(this === module.exports, typeof __filename, typeof __dirname);
var notGlobal = 1;
console.log(globalThis.notGlobal, typeof setTimeout, typeof structuredClone, typeof queueMicrotask);
