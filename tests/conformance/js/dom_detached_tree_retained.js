let detached = null;
function build() {
  const ul = document.createElement('ul');
  for (let i = 0; i < 3; i++) {
    const li = document.createElement('li');
    li.textContent = 'item ' + i;
    ul.appendChild(li);
  }
  document.body.appendChild(ul);
  detached = ul.children[1];
  document.body.removeChild(ul);
}
build();
console.log(document.body.children.length, detached.isConnected, detached.textContent);
console.log(detached.parentNode.children.length, detached.parentNode.parentNode);
detached = null;
console.log('released');
