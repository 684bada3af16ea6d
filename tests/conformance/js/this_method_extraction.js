const user = {
  name: 'Alice',
  greet() {
    return `Hi, I'm ${this === undefined ? 'undefined' : this.name}`;
  },
};
console.log(user.greet());
const greet = user.greet;
console.log(greet.call({ name: 'Bob' }));
function strictThis() {
  'use strict';
  return this;
}
function sloppyThis() {
  return this === globalThis;
}
console.log(strictThis(), sloppyThis());
const bound = user.greet.bind({ name: 'Carol' });
console.log(bound(), bound.call({ name: 'Dave' }));
console.log(bound.name, greet.name);
