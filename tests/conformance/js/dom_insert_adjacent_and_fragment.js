const container = document.createElement('section');
document.body.append(container);
container.innerHTML = '<p id="mid">middle</p>';
const mid = document.getElementById('mid');
mid.insertAdjacentHTML('beforebegin', '<p>before</p>');
mid.insertAdjacentHTML('afterend', '<p>after</p>');
mid.insertAdjacentHTML('afterbegin', '<b>[</b>');
mid.insertAdjacentHTML('beforeend', '<b>]</b>');
console.log(container.innerHTML);
const frag = document.createDocumentFragment();
for (let i = 1; i <= 3; i++) {
  const li = document.createElement('li');
  li.textContent = `item ${i}`;
  frag.appendChild(li);
}
const ul = document.createElement('ul');
console.log(frag.childNodes.length);
ul.appendChild(frag);
console.log(frag.childNodes.length, ul.children.length);
container.prepend('text first ');
container.append(ul, ' text last');
console.log(container.innerHTML);
mid.before(document.createElement('hr'));
mid.replaceWith(document.createTextNode('replaced'));
console.log(container.innerHTML);
