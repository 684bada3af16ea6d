var globalVar = 'on window';
let scriptLet = 'not on window';
function globalFn() {}
console.log(window.globalVar, window.scriptLet, typeof window.globalFn, 'globalVar' in window);
window.explicit = 42;
console.log(explicit, globalThis.explicit, self === window);
console.log(typeof window.setTimeout, typeof window.alert, typeof fetch);
console.log(location.href, location.protocol, navigator.userAgent.includes('jsdom'));
console.log(window.innerWidth, window.innerHeight, document.URL);
console.log(typeof window.JSON, window.Math === Math, window.window === window, window.parent === window);
