const money = {
  amount: 42,
  currency: 'CNY',
  [Symbol.toPrimitive](hint) {
    console.log('hint:', hint);
    if (hint === 'number') return this.amount;
    if (hint === 'string') return `${this.amount} ${this.currency}`;
    return this.amount;
  },
};
console.log(+money);
console.log(`${money}`);
console.log(money + 1);
console.log(money > 40);
console.log(String(money));
const legacy = {
  valueOf() { return 7; },
  toString() { return 'seven'; },
};
console.log(legacy + 1, `${legacy}`, legacy * 2, String(legacy), [legacy] + '');
console.log([] + [], [] + {}, 1 + [2], '3' * '4', true + 1, null + 1, undefined + 1);
