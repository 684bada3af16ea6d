const list = document.createElement('ol');
document.body.appendChild(list);
const make = (t) => {
  const li = document.createElement('li');
  li.textContent = t;
  return li;
};
const b = make('b');
list.appendChild(b);
list.insertBefore(make('a'), b);
list.append(make('c'), 'text');
list.prepend(make('start'));
b.replaceWith(make('B'));
console.log(list.innerHTML);
console.log(list.childNodes.length, list.children.length, b.isConnected);
const clone = list.cloneNode(true);
console.log(clone.children.length, clone.isConnected, list.contains(list.firstChild));
