async function a() { await null; return new Error("async"); }
async function b() { return await a(); }
async function c() { const e = await b(); return e; }
c().then(e => console.log(e.stack));
class K { async m() { await 1; throw new Error("in method"); } }
async function d() { try { await new K().m(); } catch (e) { console.log(e.stack); } }
d();
async function f() { await null; null.x; }
f();
