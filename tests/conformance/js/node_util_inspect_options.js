const util = require('util');
const obj = { b: 2, a: { nested: [1, 2, 3], deeper: { x: { y: { z: 1 } } } }, s: 'str', fn() {} };
console.log(util.inspect(obj));
console.log(util.inspect(obj, { sorted: true, depth: 1 }));
console.log(util.inspect(obj, { breakLength: Infinity, depth: Infinity }));
console.log(util.inspect(obj, { compact: 1, breakLength: 40 }));
console.log(util.inspect(Array.from({ length: 120 }, (_, i) => i), { maxArrayLength: 5 }));
console.log(util.inspect('a'.repeat(30), { maxStringLength: 10 }));
console.log(util.inspect(new Map([[1, { a: 1 }]]), { showHidden: false }), util.inspect([, 1]));
class Custom {
  [util.inspect.custom](depth, options) {
    return `Custom<depth=${depth}>`;
  }
}
console.log(new Custom(), [new Custom()], { c: new Custom() });
console.log(util.types.isPromise(Promise.resolve()), util.types.isRegExp(/x/), util.inspect(Symbol('s')), util.inspect(-0));
