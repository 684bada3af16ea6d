class Foo {
  constructor() {
    this.x = 1;
  }
}
console.log(typeof Foo);
const f = Foo();
