const original = { list: [1, 2], n: 1 };
const shallow = { ...original };
const deep = JSON.parse(JSON.stringify(original));
original.list.push(3);
original.n = 2;
console.log(shallow, deep);
console.log(shallow.list === original.list, deep.list === original.list);
const cloned = structuredClone(original);
console.log(cloned, cloned.list === original.list);
