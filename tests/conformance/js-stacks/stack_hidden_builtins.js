function f() { return new Error("x").stack.split("\n").slice(1, 4).join("|"); }
console.log(f.call(null)); console.log(f.apply(null)); console.log(Reflect.apply(f, null, []));
console.log([1].map(f)[0]); console.log(Array.prototype.map.call([1], f)[0]);
console.log(String(({ toString: f })));
console.log([{ toString: f }].join());
console.log(Object.keys({ get a() { return 1; } }));
console.log(new Map([[1, 2]]).forEach(function m() { console.log(new Error().stack.split("\n")[2]); }));
new Set([1]).forEach(() => console.log(new Error().stack.split("\n")[2]));
console.log(JSON.stringify({ toJSON: f }));
try { const a = {}; a.a = a; JSON.stringify(a); } catch (e) { console.log(e.stack.split("\n").slice(0, 9).join("|")); }
try { new Array(-1); } catch (e) { console.log(e.stack.split("\n").slice(0, 3).join("|")); }
try { [].reduce((a, b) => a); } catch (e) { console.log(e.stack.split("\n").slice(0, 3).join("|")); }
try { Symbol() + ""; } catch (e) { console.log(e.stack.split("\n").slice(0, 3).join("|")); }
try { BigInt(1.5); } catch (e) { console.log(e.stack.split("\n").slice(0, 3).join("|")); }
try { "x".repeat(-1); } catch (e) { console.log(e.stack.split("\n").slice(0, 3).join("|")); }
try { new Proxy({}, { get() { throw new Error("trap"); } }).x; } catch (e) { console.log(e.stack.split("\n").slice(0, 3).join("|")); }
try { Object.defineProperty(1, "x", {}); } catch (e) { console.log(e.stack.split("\n").slice(0, 3).join("|")); }
try { null(); } catch (e) { console.log(e.stack.split("\n").slice(0, 3).join("|")); }
try { undefinedVar; } catch (e) { console.log(e.stack.split("\n").slice(0, 3).join("|")); }
