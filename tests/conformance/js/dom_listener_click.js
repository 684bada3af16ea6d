const button = document.getElementById('myButton');
let clicks = 0;
function onClick() {
  clicks++;
  console.log('clicked', clicks);
}
button.addEventListener('click', onClick);
button.click();
button.click();
button.removeEventListener('click', onClick);
button.click();
console.log('total', clicks);
