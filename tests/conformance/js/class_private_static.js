class Counter {
  static #instances = 0;
  #count = 0;
  static created() {
    return Counter.#instances;
  }
  constructor() {
    Counter.#instances++;
  }
  #bump() {
    this.#count++;
  }
  tick() {
    this.#bump();
    return this.#count;
  }
  static isCounter(o) {
    return #count in o;
  }
}
const c = new Counter();
new Counter();
console.log(c.tick(), c.tick(), Counter.created(), Counter.isCounter(c), Counter.isCounter({}));
console.log(c, Object.keys(c));
