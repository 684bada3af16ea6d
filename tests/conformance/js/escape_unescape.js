console.log(escape('a b+c/ä€😀@*_-.'), unescape('%u20AC%E4%zz%41%u00'));
console.log(unescape(escape('café ☕')), escape.length, typeof unescape);
