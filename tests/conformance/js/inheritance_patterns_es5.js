// JS 继承的几种方式
function Animal(name) {
  this.name = name;
  this.colors = ['black'];
}
Animal.prototype.say = function () {
  return `I am ${this.name}`;
};
// 1. 原型链继承：引用类型属性被所有实例共享
function Dog1() {}
Dog1.prototype = new Animal('dog');
const d1 = new Dog1();
const d2 = new Dog1();
d1.colors.push('white');
console.log('原型链:', d2.colors, d1.say());
// 2. 借用构造函数：不能继承原型方法
function Dog2(name) {
  Animal.call(this, name);
}
const d3 = new Dog2('d3');
console.log('构造函数:', d3.colors, typeof d3.say);
// 3. 组合继承：父构造函数调用两次
let calls = 0;
function Base(n) {
  calls++;
  Animal.call(this, n);
}
Base.prototype = Object.create(Animal.prototype);
function Dog3(name) {
  Base.call(this, name);
}
Dog3.prototype = new Base('proto');
Dog3.prototype.constructor = Dog3;
const d4 = new Dog3('d4');
console.log('组合:', d4.say(), 'Base called', calls, 'times');
// 4. 寄生组合继承（最理想）
function Cat(name, lives) {
  Animal.call(this, name);
  this.lives = lives;
}
Cat.prototype = Object.create(Animal.prototype, { constructor: { value: Cat, writable: true, configurable: true } });
Cat.prototype.meow = function () {
  return `${this.say()} with ${this.lives} lives`;
};
const c = new Cat('Tom', 9);
console.log('寄生组合:', c.meow(), c instanceof Animal, c.constructor === Cat, Object.keys(Cat.prototype));
console.log(c);
// 5. ES6 class
class Tiger extends Animal {
  constructor(name) {
    super(name);
    this.striped = true;
  }
}
console.log('class:', new Tiger('T').say(), new Tiger('T'));
