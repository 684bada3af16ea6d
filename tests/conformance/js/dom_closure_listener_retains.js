function attach() {
  const big = new Array(100).fill('data');
  const el = document.getElementById('myButton');
  el.addEventListener('click', function handler() {
    console.log('clicked, big has', big.length);
  });
}
attach();
document.getElementById('myButton').click();
const image = document.getElementById('myImage');
image.remove();
console.log(image.isConnected, document.body.children.length);
