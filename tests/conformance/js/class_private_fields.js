class BankAccount {
  #balance = 0;
  owner;
  constructor(owner) {
    this.owner = owner;
  }
  deposit(amount) {
    if (amount <= 0) throw new RangeError('金额必须为正数');
    this.#balance += amount;
    return this;
  }
  #log(msg) {
    return `[${this.owner}] ${msg}`;
  }
  get balance() {
    return this.#balance;
  }
  report() {
    return this.#log(`balance=${this.#balance}`);
  }
  static isAccount(obj) {
    return #balance in obj;
  }
}
const acc = new BankAccount('Li');
acc.deposit(100).deposit(50);
console.log(acc.balance, acc.report());
console.log(acc);
console.log(Object.keys(acc), acc['#balance']);
console.log(BankAccount.isAccount(acc), BankAccount.isAccount({}));
try {
  acc.deposit(-1);
} catch (e) {
  console.log(e.name, e.message);
}
