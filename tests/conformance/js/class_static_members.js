class MathUtil {
  static PI = 3.14;
  static #count = 0;
  static square(x) {
    MathUtil.#count++;
    return x * x;
  }
  static get calls() {
    return MathUtil.#count;
  }
}
console.log(MathUtil.square(3), MathUtil.square(4), MathUtil.calls, MathUtil.PI);
const m = new MathUtil();
console.log(typeof m.square, m.constructor.PI);
class Config {
  static instance;
  static getInstance() {
    if (!Config.instance) Config.instance = new Config();
    return Config.instance;
  }
}
console.log(Config.getInstance() === Config.getInstance());
class Sub extends MathUtil {}
console.log(Sub.square(5), Sub.PI, Object.keys(MathUtil));
