class Foo { constructor() { this.e = new Error("ctor"); } m() { return new Error("method"); } static s() { return new Error("static"); } get g() { return new Error("getter"); } }
const f = new Foo();
console.log(f.e.stack); console.log(f.m().stack); console.log(Foo.s().stack); console.log(f.g.stack);
const o = { meth() { return new Error("obj"); }, arrow: () => new Error("arrow") };
console.log(o.meth().stack); console.log(o.arrow().stack);
console.log([1].map(function cb() { return new Error("map"); })[0].stack);
console.log([1].map(() => new Error("map2"))[0].stack);
function outer() { return (function () { return new Error("anon"); })(); }
console.log(outer().stack);
setTimeout(function tick() { console.log(new Error("timer").stack); }, 0);
Promise.resolve().then(() => console.log(new Error("micro").stack));
async function a() { await null; return new Error("async"); }
async function b() { return await a(); }
b().then(e => console.log(e.stack));
function rec(n) { if (n === 0) return new Error("deep"); return rec(n - 1); }
console.log(rec(20).stack);
try { JSON.parse("{"); } catch (e) { console.log(e.stack); }
try { null.x; } catch (e) { console.log(e.stack); }
console.log(new Error("top"));
const err = new Error("with props"); err.code = "E1"; console.log(err);
console.log(new Error("outer", { cause: new Error("inner") }));
