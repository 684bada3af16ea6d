const nums = [10, 1, 5, 100, 25];
console.log([...nums].sort());
console.log([...nums].sort((a, b) => a - b));
console.log([...nums].sort((a, b) => b - a));
const words = ['banana', 'Apple', 'cherry', 'apple'];
console.log([...words].sort());
console.log([...words].sort((a, b) => a.localeCompare(b)));
console.log([...words].sort((a, b) => a.toLowerCase() < b.toLowerCase() ? -1 : 1));
const people = [
  { name: 'Z', age: 30 },
  { name: 'A', age: 25 },
  { name: 'M', age: 30 },
];
console.log(people.sort((a, b) => b.age - a.age || a.name.localeCompare(b.name)));
console.log([3, undefined, 1, null, 2].sort());
console.log(nums.toSorted((a, b) => a - b), nums);
console.log([1, 2, 3].toReversed(), [1, 2, 3].with(1, 'x'), [1, 2, 3, 4].toSpliced(1, 2));
