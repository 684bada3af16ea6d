const data = {
  name: '张三',
  age: 30,
  skills: ['js', 'python'],
  address: { city: 'Beijing', zip: null },
  active: true,
};
console.log(JSON.stringify(data));
console.log(JSON.stringify(data, null, 2));
console.log(JSON.stringify(data, null, '\t'));
console.log(JSON.stringify([1, [2, [3]]], null, 4));
console.log(JSON.stringify({}, null, 2), JSON.stringify([], null, 2));
console.log(JSON.stringify('字符串 "quoted"'), JSON.stringify('\u2028 \n \u0007'));
