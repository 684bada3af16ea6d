class Animal {
  constructor(name) {
    this.name = name;
  }
}
class Dog extends Animal {
  constructor(name) {
    this.tricks = [];
    super(name);
  }
}
console.log('defining ok');
new Dog('Rex');
