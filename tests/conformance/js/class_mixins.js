const Serializable = (Base) =>
  class extends Base {
    serialize() {
      return JSON.stringify(this);
    }
  };
const Eq = (Base) =>
  class extends Base {
    equals(o) {
      return this.serialize() === o.serialize();
    }
  };
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
}
class SmartPoint extends Eq(Serializable(Point)) {}
const a = new SmartPoint(1, 2);
const b = new SmartPoint(1, 2);
console.log(a.serialize(), a.equals(b), a instanceof Point);
console.log(a);
const canFly = { fly() { return `${this.name} flies`; } };
const canSwim = { swim() { return `${this.name} swims`; } };
class Duck { constructor() { this.name = 'Duck'; } }
Object.assign(Duck.prototype, canFly, canSwim);
const d = new Duck();
console.log(d.fly(), d.swim());
