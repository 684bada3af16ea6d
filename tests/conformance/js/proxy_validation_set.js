const validator = {
  set(target, prop, value) {
    if (prop === 'age' && (!Number.isInteger(value) || value < 0)) {
      throw new TypeError(`age 必须是非负整数，收到 ${value}`);
    }
    target[prop] = value;
    return true;
  },
};
const person = new Proxy({}, validator);
person.age = 30;
person.name = 'Ann';
console.log(person.age, person.name, person);
try {
  person.age = 'old';
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
const readonly = new Proxy({ x: 1 }, {
  set() { return false; },
  deleteProperty() { return false; },
});
readonly.x = 2;
console.log(readonly.x, delete readonly.x);
(function () {
  'use strict';
  try {
    readonly.x = 3;
  } catch (e) {
    console.log(e.name + ': ' + e.message);
  }
})();
