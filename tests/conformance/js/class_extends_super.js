class Shape {
  constructor(name) {
    this.name = name;
  }
  area() {
    return 0;
  }
  toString() {
    return `${this.name} with area ${this.area().toFixed(2)}`;
  }
}
class Circle extends Shape {
  constructor(r) {
    super('circle');
    this.r = r;
  }
  area() {
    return Math.PI * this.r ** 2;
  }
}
class Square extends Shape {
  constructor(side) {
    super('square');
    this.side = side;
  }
  area() {
    return this.side ** 2;
  }
  toString() {
    return '[' + super.toString() + ']';
  }
}
const shapes = [new Circle(1), new Square(2)];
for (const s of shapes) console.log(String(s));
console.log(shapes);
console.log(Object.getPrototypeOf(Circle) === Shape, Circle.name, typeof Circle);
