const fruits = [
  { name: '苹果', price: 5 },
  { name: 'Banana', price: 3 },
  { name: 'Cherry', price: 12 },
];
const ul = document.createElement('ul');
ul.id = 'fruit-list';
for (const f of fruits) {
  const li = document.createElement('li');
  li.textContent = `${f.name} - ¥${f.price}`;
  li.dataset.price = f.price;
  if (f.price > 10) li.classList.add('expensive');
  ul.appendChild(li);
}
document.body.appendChild(ul);
console.log(document.body.innerHTML);
console.log(ul.children.length, ul.firstElementChild.textContent, ul.lastElementChild.className);
console.log([...ul.querySelectorAll('li')].map((li) => Number(li.dataset.price)));
console.log(document.querySelector('.expensive').textContent);
console.log(document.getElementById('fruit-list') === ul, ul.childElementCount);
