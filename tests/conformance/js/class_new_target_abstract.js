class AbstractShape {
  constructor() {
    if (new.target === AbstractShape) {
      throw new TypeError('抽象类不能直接实例化');
    }
  }
  area() {
    throw new Error('not implemented');
  }
}
class Rect extends AbstractShape {
  constructor(w, h) {
    super();
    this.w = w;
    this.h = h;
  }
  area() {
    return this.w * this.h;
  }
}
console.log(new Rect(2, 3).area());
try {
  new AbstractShape();
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
function F() {
  return new.target === undefined ? 'called' : 'constructed';
}
console.log(F(), new F() instanceof F);
