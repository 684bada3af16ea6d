const cart = {
  items: [
    { name: '键盘', price: 199, qty: 1 },
    { name: 'Mouse', price: 59.9, qty: 2 },
  ],
  get total() {
    return this.items.reduce((s, i) => s + i.price * i.qty, 0);
  },
  discount: null,
  checkout: function () {},
  [Symbol.for('id')]: 7,
};
console.log(cart);
console.log(cart.total.toFixed(2));
console.log(Object.entries(cart).map(([k, v]) => `${k}:${typeof v}`).join(' '));
