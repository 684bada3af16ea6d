Function.prototype.myCall = function (ctx, ...args) {
  ctx = ctx == null ? globalThis : Object(ctx);
  const key = Symbol('fn');
  ctx[key] = this;
  const result = ctx[key](...args);
  delete ctx[key];
  return result;
};
Function.prototype.myApply = function (ctx, args = []) {
  return this.myCall(ctx, ...args);
};
Function.prototype.myBind = function (ctx, ...preset) {
  const fn = this;
  function bound(...args) {
    return new.target ? new fn(...preset, ...args) : fn.myCall(ctx, ...preset, ...args);
  }
  bound.prototype = Object.create(fn.prototype);
  return bound;
};
function describe(greeting, punct) {
  return `${greeting}, ${this.name}${punct}`;
}
const person = { name: '小明' };
console.log(describe.myCall(person, '你好', '!'));
console.log(describe.myApply(person, ['Hi', '?']));
const hello = describe.myBind(person, 'Hello');
console.log(hello('.'), Object.keys(person));
function Point(x, y) {
  this.x = x;
  this.y = y;
}
const P = Point.myBind(null, 1);
const pt = new P(2);
console.log(pt, pt instanceof Point);
console.log(function () { return typeof this; }.myCall(5));
