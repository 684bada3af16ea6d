const elements = {
  button: document.getElementById('myButton'),
  image: document.getElementById('myImage'),
};
document.body.removeChild(elements.button);
console.log(document.getElementById('myButton'));
console.log(elements.button.id, elements.button.isConnected);
console.log(elements.image.isConnected, document.body.children.length);
