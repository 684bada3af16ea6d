console.log(new Number(1), new String('s'), new Boolean(false), Object(1n), Object(Symbol('q')));
console.log(new Date(0), [new Date(86400000)]);
console.log(/re/gi, [/x/], new RegExp('a/b'));
console.log(new Error('msg').message, typeof new Error('e').stack);
console.log(null, undefined, [undefined, null], { u: undefined });
