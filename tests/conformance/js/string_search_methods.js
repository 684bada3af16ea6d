const s = 'Hello, JavaScript world';
console.log(s.includes('Java'), s.includes('java'), s.startsWith('Hello'), s.endsWith('world'), s.startsWith('Java', 7));
console.log(s.indexOf('o'), s.lastIndexOf('o'), s.indexOf('o', 5), s.indexOf('zzz'));
console.log(s.slice(7, 17), s.substring(17, 7), s.slice(-5), s.substring(-5, 3), s.substr(7, 4));
console.log(s.charAt(0), s.charAt(100) === '', s[100], s.charCodeAt(0), String.fromCharCode(72, 105));
console.log(s.toUpperCase(), s.toLowerCase());
console.log(s.split(', '), s.split(' ', 2), s.split('').length);
console.log('a-b_c d'.split(/[-_ ]/));
console.log(s.concat('!', '!'), s.length);
