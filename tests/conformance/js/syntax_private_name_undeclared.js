class Account {
  #balance = 0;
  deposit(n) {
    this.#balance += n;
    return this.#balance;
  }
}
console.log('never printed: the whole script is rejected');
console.log(new Account().#balance);
