const p = document.createElement('p');
p.textContent = 'start';
document.body.appendChild(p);
const mo = new MutationObserver((records) => {
  console.log(records.map((r) => `${r.type}:${r.oldValue}`));
});
mo.observe(p, { characterData: true, subtree: true, characterDataOldValue: true });
p.firstChild.data = 'middle';
p.firstChild.data = 'end';
