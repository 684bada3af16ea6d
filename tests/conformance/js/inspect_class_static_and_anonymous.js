class Config {
  static defaults = { a: 1 };
  static count = 2;
}
console.log(Config);
const Anon = class {};
console.log(Anon, new Anon());
console.log(class extends Config {});
function Legacy() {
  this.v = 1;
}
console.log(new Legacy(), Legacy);
const bound = function original() {}.bind(null);
console.log(bound);
