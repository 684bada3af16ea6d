const el = document.createElement('div');
document.body.appendChild(el);
const observer = new MutationObserver((records) => {
  for (const r of records) {
    console.log(r.type, r.attributeName, r.oldValue);
  }
});
observer.observe(el, { attributes: true, attributeOldValue: true });
el.setAttribute('data-x', '1');
el.setAttribute('data-x', '2');
el.id = 'main';
console.log('sync done');
