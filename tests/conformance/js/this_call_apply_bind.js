function introduce(greeting, punctuation) {
  return `${greeting}, ${this.name}${punctuation}`;
}
const p = { name: '小红' };
console.log(introduce.call(p, '你好', '！'));
console.log(introduce.apply(p, ['Hello', '!']));
const hi = introduce.bind(p, 'Hi');
console.log(hi('?'));
console.log(Math.max.apply(null, [3, 7, 2]));
const arrayLike = { 0: 'a', 1: 'b', length: 2 };
console.log(Array.prototype.map.call(arrayLike, (x) => x.toUpperCase()));
console.log(Array.prototype.slice.call(arrayLike));
function Point(x) { this.x = x; }
const BoundPoint = Point.bind(null, 7);
const bp = new BoundPoint();
console.log(bp.x, bp instanceof Point);
