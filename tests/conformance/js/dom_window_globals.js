var declared = 'var';
let scoped = 'let';
function fn() {}
console.log(window.declared, window.scoped, typeof window.fn);
console.log(this === window, globalThis === window, window.window === window);
console.log(typeof document, document.nodeName, document.body.nodeName);
