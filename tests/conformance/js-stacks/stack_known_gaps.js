// Stack details gen does not model yet (listed in known-failures/js-stacks.txt):
// the position V8 gives a template literal's ToString call, and a stack captured on a
// plain object whose message is set after the capture (V8 formats it on first read).
function f() { return new Error("x").stack.split("\n").slice(1, 3).join("|"); }
console.log(`${{ toString: f }}`);
function Legacy() { Error.captureStackTrace(this, Legacy); this.message = "set later"; }
console.log(new Legacy().stack);
