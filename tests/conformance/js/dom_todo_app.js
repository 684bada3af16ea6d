const input = document.getElementById('new-todo');
const list = document.getElementById('todos');
const summary = document.getElementById('summary');
function render() {
  const total = list.children.length;
  const done = list.querySelectorAll('li.done').length;
  summary.textContent = `${done}/${total} 已完成`;
}
document.getElementById('add').addEventListener('click', () => {
  const text = input.value.trim();
  if (!text) return console.log('empty input ignored');
  const li = document.createElement('li');
  li.innerHTML = `<span></span> <button class="del">×</button>`;
  li.querySelector('span').textContent = text;
  list.appendChild(li);
  input.value = '';
  render();
});
list.addEventListener('click', (e) => {
  const li = e.target.closest('li');
  if (e.target.classList.contains('del')) li.remove();
  else li.classList.toggle('done');
  render();
});
for (const t of ['买牛奶', '', 'Write notes', '<b>escape me</b>']) {
  input.value = t;
  document.getElementById('add').click();
}
list.querySelector('li span').click();
list.querySelectorAll('.del')[1].click();
console.log(list.innerHTML);
console.log(summary.textContent, input.placeholder);
