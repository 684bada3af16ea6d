'use strict';
const settings = Object.freeze({ theme: 'dark' });
console.log(settings.theme);
settings.theme = 'light';
