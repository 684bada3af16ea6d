const obj = { name: 'n' };
console.log(obj.name);
obj.run();
