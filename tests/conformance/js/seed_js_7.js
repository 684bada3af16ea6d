document.getElementById('myButton').addEventListener('click', function() {
    console.log('Button clicked!');
});
const elements = {
  button: document.getElementById('myButton'),
  image: document.getElementById('myImage')
};

// 即使从 DOM 移除，JS 引用仍存在
document.body.removeChild(elements.button); 
// 需手动置空：elements.button = null
