console.log(typeof hoistedFn, typeof NotYet === 'undefined' ? 'typeof in TDZ?' : '');
function hoistedFn() {}
const p = new Point(1, 2);
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
}
