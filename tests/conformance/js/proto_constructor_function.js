function Person(name) {
  this.name = name;
}
Person.prototype.sayHi = function () {
  return '我是' + this.name;
};
const p = new Person('张三');
console.log(p.sayHi());
console.log(p.__proto__ === Person.prototype, Person.prototype.constructor === Person);
console.log(Object.getPrototypeOf(Person.prototype) === Object.prototype);
console.log(Object.getPrototypeOf(Object.prototype));
console.log(p instanceof Person, p instanceof Object);
function Student(name, school) {
  Person.call(this, name);
  this.school = school;
}
Student.prototype = Object.create(Person.prototype);
Student.prototype.constructor = Student;
Student.prototype.sayHi = function () {
  return Person.prototype.sayHi.call(this) + '，在' + this.school + '上学';
};
const s = new Student('李四', '清华');
console.log(s.sayHi(), s instanceof Person, s.constructor.name);
console.log(s);
