class User {
  #password = 'secret';
  static count = 0;
  constructor(name) {
    this.name = name;
    this.createdAt = new Date(Date.UTC(2024, 0, 1));
    User.count++;
  }
  get upper() {
    return this.name.toUpperCase();
  }
  greet() {}
}
const u = new User('ann');
console.log(u);
console.log(User);
console.log([User, u.greet, User.prototype.greet]);
console.log(Object.getOwnPropertyNames(User.prototype));
class Admin extends User {
  level = 1;
}
console.log(new Admin('root'), Admin, Object.getPrototypeOf(Admin) === User);
class Anon {}
console.log(new (class {})(), new Anon(), class {}, class Named {});
