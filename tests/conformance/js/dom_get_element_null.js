console.log('looking up');
const missing = document.getElementById('nope');
console.log(missing);
missing.addEventListener('click', () => {});
