const title = document.querySelector('h1');
console.log('found?', title);
console.log(document.getElementById('missing'));
title.textContent = 'Hello';
