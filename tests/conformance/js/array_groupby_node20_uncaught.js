const inventory = [
  { name: 'asparagus', type: 'vegetables' },
  { name: 'banana', type: 'fruit' },
  { name: 'goat', type: 'meat' },
  { name: 'cherry', type: 'fruit' },
];
const manual = inventory.reduce((acc, item) => {
  (acc[item.type] ??= []).push(item.name);
  return acc;
}, {});
console.log(manual);
console.log(typeof Object.groupBy, typeof Map.groupBy);
const grouped = Object.groupBy(inventory, ({ type }) => type);
console.log(grouped);
