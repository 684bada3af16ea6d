const timer = {
  seconds: 0,
  startRegular() {
    [1, 2].forEach(function () {
      this.seconds++;
    });
  },
  startArrow() {
    [1, 2].forEach(() => {
      this.seconds++;
    });
  },
  arrowMethod: () => typeof this,
};
timer.startArrow();
console.log(timer.seconds);
try {
  timer.startRegular();
} catch (e) {
  console.log('caught', e.constructor.name);
}
console.log(timer.seconds, typeof globalThis.seconds);
console.log(timer.arrowMethod(), this === module.exports);
const obj = {
  name: 'outer',
  later() {
    setTimeout(() => console.log('arrow keeps', this.name), 0);
    setTimeout(function () {
      console.log('function gets', this.constructor.name);
    }, 0);
  },
};
obj.later();
