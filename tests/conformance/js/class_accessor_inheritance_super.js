class Shape {
  constructor(name) {
    this.name = name;
  }
  get description() {
    return `a ${this.name}`;
  }
  static create(...args) {
    return new this(...args);
  }
  static get kind() {
    return 'shape';
  }
}
class Circle extends Shape {
  constructor(r) {
    super('circle');
    this.r = r;
  }
  get description() {
    return `${super.description} of radius ${this.r}`;
  }
  static get kind() {
    return `round ${super.kind}`;
  }
}
const c = Circle.create(2);
console.log(c.description, c instanceof Circle, Circle.kind, Shape.kind);
console.log(Object.getOwnPropertyNames(Circle.prototype), Object.getOwnPropertyNames(c));
const base = {
  greet() {
    return 'hi from base';
  },
};
const derived = {
  __proto__: base,
  greet() {
    return super.greet() + ' via derived';
  },
};
console.log(derived.greet(), Object.getPrototypeOf(derived) === base);
class Counter {
  count = 0;
  inc = () => ++this.count;
  dec() {
    return --this.count;
  }
}
const k = new Counter();
console.log(Object.keys(k), 'dec' in k, k.hasOwnProperty('dec'), k.inc(), k.inc(), k.dec());
console.log(new Counter().inc === new Counter().inc, new Counter().dec === new Counter().dec);
