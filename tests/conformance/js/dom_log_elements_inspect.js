const p = document.createElement('p');
p.textContent = 'hi';
document.body.append(p);
console.log(p);
console.log(document.body.children, document.querySelectorAll('p'));
console.log(typeof document, typeof window, window === globalThis, window.document === document);
console.log(p.constructor.name, p instanceof HTMLElement, p instanceof window.HTMLParagraphElement, Object.prototype.toString.call(p));
console.log(String(p), `${document.body.children}`, String(document));
console.log(document.nodeName, document.nodeType, document.title === '', document.readyState);
