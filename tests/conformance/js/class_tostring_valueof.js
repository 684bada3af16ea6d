class Money {
  constructor(cents) {
    this.cents = cents;
  }
  valueOf() {
    return this.cents;
  }
  toString() {
    return `$${(this.cents / 100).toFixed(2)}`;
  }
  toJSON() {
    return this.toString();
  }
  [Symbol.for('nodejs.util.inspect.custom')]() {
    return `Money<${this}>`;
  }
}
const a = new Money(1050);
const b = new Money(250);
console.log(a + b, a > b, `${a}`, String(b), a + '', [a, b].join(', '));
console.log(JSON.stringify({ price: a }), Math.max(a, b), [a, b].sort((x, y) => x - y).map(String));
console.log(a);
console.log([a, b], { total: new Money(a + b) });
class Temp {
  constructor(c) { this.c = c; }
  [Symbol.toPrimitive](hint) {
    return hint === 'string' ? `${this.c}°C` : this.c;
  }
}
const t = new Temp(21);
console.log(`${t}`, t + 1, t * 2, String(t), t > 20);
