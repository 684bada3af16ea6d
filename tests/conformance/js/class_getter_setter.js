class Temperature {
  constructor(celsius) {
    this._c = celsius;
  }
  get fahrenheit() {
    return this._c * 1.8 + 32;
  }
  set fahrenheit(f) {
    this._c = (f - 32) / 1.8;
  }
  get celsius() {
    return this._c;
  }
}
const t = new Temperature(100);
console.log(t.fahrenheit);
t.fahrenheit = 32;
console.log(t.celsius, t);
const person = {
  first: 'Ada',
  last: 'Lovelace',
  get full() {
    return `${this.first} ${this.last}`;
  },
  set full(v) {
    [this.first, this.last] = v.split(' ');
  },
};
person.full = 'Grace Hopper';
console.log(person.first, person.full);
console.log(person);
console.log(Object.getOwnPropertyDescriptor(person, 'full'));
