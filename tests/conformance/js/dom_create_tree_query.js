const root = document.createElement('div');
root.id = 'root';
root.className = 'box main';
for (const text of ['one', 'two', 'three']) {
  const p = document.createElement('p');
  p.textContent = text;
  root.appendChild(p);
}
document.body.appendChild(root);
console.log(document.getElementById('root').children.length);
console.log(document.querySelector('.main p').textContent);
console.log([...document.querySelectorAll('#root p')].map((p) => p.textContent));
console.log(root.tagName, root.firstChild.tagName, root.lastElementChild.textContent);
console.log(document.body.innerHTML);
