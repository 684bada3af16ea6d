class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
}
class Empty {}
console.log(new Point(1, 2));
console.log(new Empty());
console.log([new Point(0, 0)]);
console.log(Object.create(null));
const o = Object.create(null);
o.k = 1;
console.log(o);
