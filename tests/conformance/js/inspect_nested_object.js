const obj = { a: 1, b: { c: { d: { e: { f: 1 } } } }, s: 'str', arr: [1, [2, [3, [4, [5]]]]] };
console.log(obj);
console.log({});
console.log([]);
console.log({ 'key with space': 1, valid_id: 2, 3: 'three' });
