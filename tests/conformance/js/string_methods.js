const s = 'Hello, World';
console.log(s.toUpperCase(), s.slice(-5), s.substring(7), s.split(', '), s.at(-1), s.charAt(1));
console.log('5'.padStart(3, '0'), 'ab'.padEnd(5, '.'), 'ha'.repeat(3), '  trim  '.trim() + '|');
console.log('a-b-c'.replaceAll('-', '+'), 'abc'.includes('bc'), s.startsWith('Hell'), s.endsWith('d'));
console.log('😀'.length, [...'😀'].length, '😀'.codePointAt(0), String.fromCodePoint(128512), 'é'.normalize('NFD').length);
console.log(s.indexOf('o'), s.lastIndexOf('o'), s.search(/W/), 'abc'.localeCompare('abd'), 'x'.concat(1, 2));
console.log(`multi
line`, String.raw`a\nb`, `${1 + 1} is two`);
