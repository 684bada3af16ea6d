function named() {}
const anon = function () {};
const arrow = () => {};
async function asyncFn() {}
function* genFn() {}
async function* asyncGen() {}
class K {}
console.log(named, anon, arrow, asyncFn, genFn, asyncGen, K);
console.log({ named, arrow, method() {}, ['computed' + 1]: () => {} });
console.log([function () {}, () => {}, Math.max, console.log, Symbol, Array.prototype.push]);
const bound = named.bind(null);
console.log(bound, bound.name, (() => {}).name, (function () {}).name);
named.prop = 1;
console.log(named, Object.assign(() => {}, { a: 1 }));
console.log(String(arrow), String(K), `${named}`);
console.log(typeof K, typeof asyncFn, asyncFn.constructor.name, genFn.constructor.name);
