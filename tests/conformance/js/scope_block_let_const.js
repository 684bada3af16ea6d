if (true) {
  var v = 'var leaks';
  let l = 'let stays';
  const c = 'const stays';
}
console.log(v);
console.log(typeof l, typeof c);
for (var i = 0; i < 3; i++) {}
console.log('i after loop', i);
for (let j = 0; j < 3; j++) {}
console.log(typeof j);
const obj = { n: 1 };
obj.n = 2;
obj.m = 3;
console.log(obj);
const arr = [1];
arr.push(2);
console.log(arr);
try {
  obj = {};
} catch (e) {
  console.log(e instanceof TypeError, e.message);
}
