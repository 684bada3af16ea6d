const privateData = new WeakMap();
class Person {
  constructor(name) {
    privateData.set(this, { name });
  }
  get name() {
    return privateData.get(this).name;
  }
}
const p = new Person('Ada');
console.log(p.name, privateData.has(p), Object.keys(p));
console.log(p);
