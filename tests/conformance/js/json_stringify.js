const data = { name: 'gen', list: [1, 'two', null, true], nested: { d: new Date(0) }, skip: undefined, f() {} };
console.log(JSON.stringify(data));
console.log(JSON.stringify(data, null, 2));
console.log(JSON.stringify([undefined, () => 1, NaN]));
console.log(JSON.stringify({ a: 1, b: 2, c: 3 }, ['a', 'c']));
console.log(JSON.parse('{"x":[1,{"y":"z"}]}', (k, v) => (typeof v === 'number' ? v * 10 : v)));
