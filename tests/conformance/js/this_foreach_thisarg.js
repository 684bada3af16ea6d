const counter = {
  total: 0,
  add(values) {
    values.forEach(function (v) {
      this.total += v;
    }, this);
    return this.total;
  },
};
console.log(counter.add([1, 2, 3]));
const nums = [1, 2, 3].map(function (n) { return n * this.factor; }, { factor: 10 });
console.log(nums);
class Temp {
  #c = 25;
  toF = () => this.#c * 9 / 5 + 32;
}
const { toF } = new Temp();
console.log(toF());
