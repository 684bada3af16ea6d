function deep(n) { return n === 0 ? new Error("bottom") : deep(n - 1); }
console.log(deep(3).stack);
Error.stackTraceLimit = 3;
console.log(deep(12).stack);
Error.stackTraceLimit = 0;
console.log(JSON.stringify(new Error("none").stack));
Error.stackTraceLimit = 10;
function load() {
  try {
    JSON.parse("{");
  } catch (e) {
    throw new Error("config unreadable", { cause: e });
  }
}
try { load(); } catch (e) { console.log(e); }
const err = new TypeError("with fields"); err.code = "E_FIELD"; err.retry = true;
console.log(err);
console.log({ nested: new Error("inside an object") });
function Legacy() { this.message = "legacy"; Error.captureStackTrace(this, Legacy); }
console.log(new Legacy().stack);
function outer() { return inner(); }
function inner() { const o = {}; Error.captureStackTrace(o, outer); return o.stack; }
console.log(outer());
const off = {}; Error.captureStackTrace(off, function notOnTheStack() {}); console.log(JSON.stringify(off.stack));
console.trace("traced here");
