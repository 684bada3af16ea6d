const Serializable = (Base) => class extends Base {
  serialize() {
    return JSON.stringify(this);
  }
};
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
}
class SPoint extends Serializable(Point) {}
const p = new SPoint(1, 2);
console.log(p.serialize(), p instanceof Point, SPoint.name, Object.getPrototypeOf(SPoint.prototype).constructor.name);
class Even {
  static [Symbol.hasInstance](n) {
    return n % 2 === 0;
  }
}
console.log(2 instanceof Even, 3 instanceof Even);
