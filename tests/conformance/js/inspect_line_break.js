const wide = { alpha: 'aaaaaaaaaa', beta: 'bbbbbbbbbb', gamma: 'cccccccccc', delta: 'dddddddddd' };
console.log(wide);
const narrow = { a: 1, b: 2 };
console.log(narrow);
console.log({ list: ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'] });
console.log([{ a: 1, b: 2 }, { a: 3, b: 4 }]);
