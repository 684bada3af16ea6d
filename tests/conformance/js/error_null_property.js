const button = null;
console.log('before');
button.addEventListener('click', () => {});
