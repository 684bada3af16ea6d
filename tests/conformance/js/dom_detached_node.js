const list = document.createElement('ul');
document.body.appendChild(list);
const item = document.createElement('li');
item.textContent = 'one';
list.appendChild(item);
console.log(item.isConnected, document.querySelectorAll('li').length);
list.remove();
console.log(item.isConnected, list.isConnected, document.querySelectorAll('li').length);
console.log(item.parentNode === list, item.textContent);
