const a = { x: 1 };
const b = { x: 1 };
const c = a;
console.log(a === b, a == b, a === c, [1] === [1], 'str' === 'str');
console.log(Object.is(NaN, NaN), NaN === NaN, Object.is(0, -0), 0 === -0);
console.log(JSON.stringify(a) === JSON.stringify(b));
