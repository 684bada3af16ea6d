console.log('5'.padStart(3, '0'), 'abc'.padEnd(6, '.') + '|', 'abc'.padStart(2), 'x'.padStart(5, 'ab'));
const rows = [['Name', 'Qty'], ['apple', '3'], ['watermelon', '12']];
for (const [n, q] of rows) console.log(n.padEnd(12) + q.padStart(4));
console.log('ab'.repeat(3), '-'.repeat(10), ''.repeat(5) === '');
console.log(`[${'  hi  '.trim()}] [${'  hi  '.trimStart()}] [${'  hi  '.trimEnd()}]`);
console.log('\t\n x \u3000'.trim().length);
try {
  'x'.repeat(-1);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
const mask = (card) => card.slice(-4).padStart(card.length, '*');
console.log(mask('6222021234567890'));
