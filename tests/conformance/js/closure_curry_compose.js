const curry = (fn) =>
  function curried(...args) {
    return args.length >= fn.length ? fn.apply(this, args) : (...more) => curried.apply(this, [...args, ...more]);
  };
const add3 = (a, b, c) => a + b + c;
const curriedAdd = curry(add3);
console.log(curriedAdd(1)(2)(3), curriedAdd(1, 2)(3), curriedAdd(1)(2, 3));
const compose = (...fns) => (x) => fns.reduceRight((acc, f) => f(acc), x);
const pipe = (...fns) => (x) => fns.reduce((acc, f) => f(acc), x);
const inc = (x) => x + 1;
const double = (x) => x * 2;
console.log(compose(inc, double)(5), pipe(inc, double)(5));
const multiplier = (factor) => (n) => n * factor;
const triple = multiplier(3);
console.log([1, 2, 3].map(triple));
