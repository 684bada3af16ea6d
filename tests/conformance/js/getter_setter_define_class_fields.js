class Observable {
  #listeners = [];
  #value;
  constructor(v) {
    this.#value = v;
  }
  get value() {
    return this.#value;
  }
  set value(v) {
    const old = this.#value;
    this.#value = v;
    this.#listeners.forEach((fn) => fn(v, old));
  }
  subscribe(fn) {
    this.#listeners.push(fn);
    return () => (this.#listeners = this.#listeners.filter((f) => f !== fn));
  }
}
const count = new Observable(0);
const unsubscribe = count.subscribe((v, old) => console.log(`changed ${old} -> ${v}`));
count.value = 1;
count.value++;
unsubscribe();
count.value = 10;
console.log(count.value, count);
const o = {
  _n: 0,
  get n() { return this._n; },
};
o.n = 5;
console.log(o.n);
(() => {
  'use strict';
  try {
    o.n = 6;
  } catch (e) {
    console.log(e.name + ': ' + e.message);
  }
})();
