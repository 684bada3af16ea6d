const search = document.getElementById('search');
const out = document.getElementById('out');
search.addEventListener('input', (e) => {
  out.textContent = `搜索: ${e.target.value}`;
  console.log('input event ->', out.textContent);
});
search.addEventListener('keydown', (e) => {
  console.log('keydown', e.key, e.code, e.ctrlKey, e instanceof KeyboardEvent);
  if (e.key === 'Enter') console.log('submit search for', search.value);
});
search.value = 'jav';
search.dispatchEvent(new Event('input', { bubbles: true }));
search.value = 'java';
search.dispatchEvent(new Event('input', { bubbles: true }));
search.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', code: 'KeyA' }));
search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', ctrlKey: true }));
const me = new MouseEvent('click', { clientX: 10, clientY: 20, bubbles: true });
out.addEventListener('click', (e) => console.log('mouse at', e.clientX, e.clientY, e.button));
out.dispatchEvent(me);
