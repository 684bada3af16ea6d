const handlers = [];
for (var i = 0; i < 3; i++) {
  handlers.push(() => `var handler sees ${i}`);
}
console.log(handlers.map((h) => h()));
const fixed = [];
for (var j = 0; j < 3; j++) {
  fixed.push(((n) => () => `iife handler sees ${n}`)(j));
}
console.log(fixed.map((h) => h()));
const withLet = [];
for (let k = 0; k < 3; k++) {
  withLet.push(() => `let handler sees ${k}`);
}
console.log(withLet.map((h) => h()));
const bound = [0, 1, 2].map((n) => function () { return `bound sees ${n} and this.tag=${this.tag}`; }.bind({ tag: 't' + n }));
console.log(bound.map((f) => f()));
let counterValue = 0;
const makeAdder = (step) => () => (counterValue += step);
const add2 = makeAdder(2);
add2();
add2();
console.log(counterValue);
