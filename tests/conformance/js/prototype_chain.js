function Person(name) {
  this.name = name;
}
Person.prototype.greet = function () {
  return 'hi ' + this.name;
};
const p = new Person('Ann');
console.log(p.greet(), Object.getPrototypeOf(p) === Person.prototype);
console.log(p.hasOwnProperty('greet'), 'greet' in p);
const child = Object.create(p);
child.name = 'Kid';
console.log(child.greet(), Object.keys(child));
