function named() {}
const arrow = () => {};
class K {}
console.log(named, arrow, K);
console.log({ f: named, g: function () {}, h: async () => {} });
console.log(function* gen() {});
console.log(Math.max);
