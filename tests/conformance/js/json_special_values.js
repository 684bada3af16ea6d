console.log(JSON.stringify({ u: undefined, f() {}, s: Symbol('x'), n: null, nan: NaN, inf: -Infinity }));
console.log(JSON.stringify([undefined, function () {}, Symbol('x'), NaN]));
console.log(JSON.stringify(undefined), JSON.stringify(() => 1), JSON.stringify(null));
console.log(JSON.stringify(new Date(0)), JSON.stringify(/re/g), JSON.stringify(new Map([[1, 2]])));
console.log(JSON.stringify({ toJSON() { return { replaced: true }; } }));
class Money {
  constructor(amount) { this.amount = amount; }
  toJSON() { return `$${this.amount.toFixed(2)}`; }
}
console.log(JSON.stringify({ price: new Money(3) }));
console.log(JSON.stringify('\ud800'), JSON.stringify({ [Symbol('k')]: 1, k: 2 }));
try {
  JSON.stringify({ big: 10n });
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
const circular = { name: 'loop' };
circular.self = circular;
try {
  JSON.stringify(circular);
} catch (e) {
  console.log(e.name, e.message.split('\n')[0]);
}
