const counterModule = (function () {
  let count = 0;
  function change(by) {
    count += by;
  }
  return {
    inc: () => change(1),
    dec: () => change(-1),
    value: () => count,
  };
})();
counterModule.inc();
counterModule.inc();
counterModule.dec();
console.log(counterModule.value(), counterModule.count);
