const a = { name: 'a' };
a.self = a;
console.log(a);
const b = [1];
b.push(b);
console.log(b);
const x = { y: {} };
x.y.x = x;
console.log(x);
