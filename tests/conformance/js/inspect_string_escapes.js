console.log(['tab\t', 'nl\n', 'cr\r', 'nul\0', 'bell\x07', 'uni\u00e9', 'emoji😀', 'back\\slash']);
console.log({ quote: "'", dq: '"', bt: '`' });
console.log(["'\"`"]);
console.log('top level strings are raw: \'quoted\' "double"');
