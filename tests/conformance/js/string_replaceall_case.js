const text = 'cat and cat and CAT';
console.log(text.replace('cat', 'dog'));
console.log(text.replaceAll('cat', 'dog'));
console.log(text.replace(/cat/gi, 'dog'));
console.log(text.replaceAll(/cat/gi, (m) => m.length));
try {
  text.replaceAll(/cat/, 'dog');
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
const capitalize = (s) => s.charAt(0).toUpperCase() + s.slice(1);
console.log('hello world'.split(' ').map(capitalize).join(' '));
const snake = 'getUserById'.replace(/([A-Z])/g, '_$1').toLowerCase();
console.log(snake);
console.log('a.b.c'.replaceAll('.', '/'), 'x'.replace('', '_'), 'ab'.replaceAll('', '-'));
