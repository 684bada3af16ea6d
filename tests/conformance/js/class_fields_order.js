class A {
  x = (console.log('field x'), 1);
  constructor() {
    console.log('A constructor', this.x);
  }
}
class B extends A {
  y = (console.log('field y'), 2);
  constructor() {
    console.log('B before super');
    super();
    console.log('B after super', this.y);
  }
}
new B();
