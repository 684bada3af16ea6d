console.count();
console.count('x');
console.count();
console.countReset();
console.count();
console.assert(1 === 1, 'not shown');
console.assert(false, 'assertion message goes to stderr');
console.log('after assert');
