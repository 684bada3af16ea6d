const menu = document.getElementById('menu');
menu.addEventListener('click', (e) => {
  const item = e.target.closest('li');
  if (!item || !menu.contains(item)) return;
  console.log('action:', item.dataset.action, '| target:', e.target.tagName, '| currentTarget:', e.currentTarget.id);
});
for (const li of menu.querySelectorAll('li')) li.click();
menu.querySelector('span').click();
const added = document.createElement('li');
added.dataset.action = 'new';
added.textContent = 'New';
menu.appendChild(added);
added.click();
menu.click();
