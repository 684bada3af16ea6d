console.log(Array.from({ length: 120 }, (_, i) => i));
console.log(Array.from({ length: 7 }, (_, i) => i * 1000));
console.log(new Array(5));
console.log([1, , 3]);
console.log(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
