const long = 'x'.repeat(30);
console.log([long, long, long]);
console.log({ text: 'y'.repeat(100) });
console.log(['a'.repeat(16), 'b'.repeat(16), 'c'.repeat(16), 'd'.repeat(16)]);
