console.log('%s|%s|%s', 'str', 42, { a: 1 });
console.log('%d|%i|%f', '42.5', 42.9, '3.5');
console.log('%j', { a: [1] });
console.log('%o', [1, { b: 2 }]);
console.log('%O', { deep: { deeper: { deepest: {} } } });
console.log('%c styled', 'color: red');
console.log('%% literal %s', 'x', 'extra', 3);
console.log('100%', 'done');
