console.log('plain');
console.log(['plain', "it's", 'say "hi"', `both ' and "`, 'new\nline']);
console.log({ s: 'tab\there' });
console.log('%s is %d years', 'Bob', 42);
console.log('a', 1, true, null, undefined);
