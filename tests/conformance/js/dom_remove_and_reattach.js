const child = document.getElementById('child');
const a = document.getElementById('a');
const b = document.getElementById('b');
b.appendChild(child);
console.log(a.children.length, b.children.length, child.parentElement.id);
child.remove();
console.log(child.isConnected, document.getElementById('child'), b.innerHTML === '');
child.addEventListener('click', () => console.log('detached node still gets click'));
child.click();
a.append(child);
console.log(child.isConnected, document.getElementById('child') === child);
const clone = child.cloneNode(true);
clone.id = 'copy';
b.append(clone);
clone.click();
console.log(document.body.innerHTML);
a.replaceChildren();
console.log(a.childNodes.length, child.isConnected);
b.removeChild(clone);
try {
  b.removeChild(clone);
} catch (e) {
  console.log(e.name, e.constructor.name);
}
