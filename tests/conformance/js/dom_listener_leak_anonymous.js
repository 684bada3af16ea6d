const button = document.getElementById('myButton');
let count = 0;
button.addEventListener('click', () => count++);
button.removeEventListener('click', () => count++);
button.click();
button.click();
console.log('clicks counted', count);
