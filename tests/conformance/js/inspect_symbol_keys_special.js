const id = Symbol('id');
const obj = {
  [id]: 1,
  [Symbol()]: 'anon',
  [Symbol.iterator]: function* () {},
  'key with space': 1,
  'valid_id': 2,
  '中文键': 3,
  '123abc': 4,
  42: 'num',
  'a-b': 5,
  $dollar: 6,
};
console.log(obj);
console.log({ undefined: undefined, null: null, NaN: NaN, negZero: -0, inf: -Infinity });
console.log([undefined, null, , NaN, -0, 0, 1e21, 1e-7, 0.1]);
console.log({ s: 'it\'s', d: "say \"hi\"", both: `it's "x"`, nl: 'a\nb', tab: '\t', bs: '\\', uni: '\u0001' });
console.log(['it\'s', "\"q\"", `b\`t`]);
console.log(Object.create(null), Object.assign(Object.create(null), { x: 1 }));
console.log(new Boolean(false), new Number(-0), new String('boxed'), Object(Symbol('s')), Object(1n));
