const people = [
  { name: 'ann', age: 30 },
  { name: 'bob', age: 25 },
  { name: 'cy', age: 30 },
  { name: 'di', age: 25 },
];
console.log(people.sort((a, b) => a.age - b.age).map((p) => p.name));
console.log([10, 9, 1, 100, 25].sort(), ['b', 'a', 'C', 'B'].sort());
console.log([3, undefined, 1, , 2].sort());
