console.log('a, b;c  d'.split(/[,;\s]+/));
console.log('one1two2three'.split(/\d/), 'one1two2three'.split(/(\d)/));
console.log('abc'.split(''), 'a,b,c'.split(',', 2), ''.split(','), ''.split(''));
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const user = 'a.b*c';
console.log(escapeRegExp(user), new RegExp(escapeRegExp(user)).test('xa.b*cx'), new RegExp(user).test('aXbbbc'));
try {
  new RegExp('(unclosed');
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
