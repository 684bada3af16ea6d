setTimeout((a, b) => console.log('args', a, b), 1, 'x', 42);
const t = setTimeout(() => {}, 1);
console.log(typeof t, typeof t.ref, typeof t.unref, t.hasRef());
clearTimeout(t);
