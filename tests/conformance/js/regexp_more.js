const sticky = /foo/y;
sticky.lastIndex = 3;
console.log(sticky.test('barfoo'), sticky.lastIndex, sticky.test('barfoo'), sticky.lastIndex);
console.log('2024-01-05'.replace(/(\d+)-(\d+)-(\d+)/, (m, y, mo, d) => `${d}/${mo}/${y}`));
console.log('aaa'.replace(/a/g, '$&$&'), 'x'.replace('x', '$$'), /(a)|(b)/.exec('b'));
console.log(/\u{1F600}/u.test('😀'), /^.$/.test('😀'), /^.$/u.test('😀'), /a.b/s.test('a\nb'));
const re = /o/g;
console.log(re.exec('foo').index, re.exec('foo').index, re.exec('foo'), re.lastIndex);
console.log('CamelCaseString'.split(/(?=[A-Z])/), 'a1b2'.match(/\d/g), 'none'.match(/\d/g));
