const products = [
  { name: '手机', price: 2999, category: 'tech' },
  { name: 'Book', price: 45, category: 'edu' },
  { name: 'Laptop', price: 6999, category: 'tech' },
  { name: 'Pen', price: 3, category: 'edu' },
];
console.log(products.map((p) => p.name));
console.log(products.filter((p) => p.price > 100).map((p) => p.name));
console.log(products.reduce((sum, p) => sum + p.price, 0));
const byCategory = products.reduce((acc, p) => {
  (acc[p.category] ||= []).push(p.name);
  return acc;
}, {});
console.log(byCategory);
console.log([1, 2, 3, 4].reduce((a, b) => a * b), [[1, 2], [3]].reduce((a, b) => a.concat(b), []));
console.log(['1', '2', '3'].map(parseInt), ['1', '2', '3'].map(Number));
try {
  [].reduce((a, b) => a + b);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
console.log([3, 1, 2].reduceRight((acc, x) => acc + x, ''));
