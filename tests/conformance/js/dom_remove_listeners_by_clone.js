const btn = document.getElementById('myButton');
btn.addEventListener('click', () => console.log('old listener'));
btn.click();
const fresh = btn.cloneNode(true);
btn.replaceWith(fresh);
fresh.click();
console.log('listeners are not cloned', document.getElementById('myButton') === fresh);
