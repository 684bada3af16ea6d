class Animal {
  constructor(name) {
    this.name = name;
  }
  speak() {
    return `${this.name} makes a sound`;
  }
  static create(name) {
    return new this(name);
  }
}
class Dog extends Animal {
  #secret = 'bone';
  speak() {
    return `${super.speak()} (woof)`;
  }
  get secret() {
    return this.#secret;
  }
}
const d = Dog.create('Rex');
console.log(d.speak(), d.secret, d instanceof Animal, d.constructor.name);
console.log(d);
