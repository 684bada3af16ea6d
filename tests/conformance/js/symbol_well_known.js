const money = {
  amount: 5,
  [Symbol.toPrimitive](hint) {
    return hint === 'number' ? this.amount : `$${this.amount}`;
  },
};
console.log(+money, `${money}`, money + 1);
class List {
  constructor(...items) {
    this.items = items;
  }
  get [Symbol.toStringTag]() {
    return 'List';
  }
  static get [Symbol.species]() {
    return Array;
  }
}
console.log(Object.prototype.toString.call(new List()), new List(1, 2));
console.log(Symbol.iterator.toString(), Symbol.keyFor(Symbol.for('app')), Symbol.keyFor(Symbol('x')));
