console.log([1, 22, 333, 4444, 55555, 666666, 7777777]);
console.log([-1, 2.5, -300, 4, 5, 6, 7, 8, 9, 10]);
console.log(['x', 'yy', 'zzz', 'wwww', 'v', 'uu', 'ttt']);
console.log([true, false, true, false, true, false, true]);
console.log([1, 'a', 2, 'b', 3, 'c', 4]);
console.log([null, undefined, null, undefined, null, undefined, null]);
