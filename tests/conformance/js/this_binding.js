'use strict';
function show() {
  return this === undefined ? 'undefined' : typeof this;
}
const o = { show, name: 'o' };
console.log(show(), o.show(), show.call(7), show.apply('s'), show.bind(null)());
class Timer {
  constructor() {
    this.ticks = 0;
  }
  start() {
    [1, 2, 3].forEach(function () {
      this.ticks++;
    }, this);
    [1, 2].forEach(() => this.ticks++);
    return this.ticks;
  }
}
console.log(new Timer().start());
console.log(typeof this, JSON.stringify(this));
