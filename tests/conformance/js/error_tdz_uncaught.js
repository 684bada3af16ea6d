console.log('before');
console.log(late);
let late = 1;
