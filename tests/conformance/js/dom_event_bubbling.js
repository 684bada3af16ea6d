const outer = document.createElement('div');
const inner = document.createElement('button');
outer.appendChild(inner);
document.body.appendChild(outer);
outer.addEventListener('click', (e) => console.log('outer bubble', e.target === inner, e.eventPhase));
outer.addEventListener('click', () => console.log('outer capture'), true);
inner.addEventListener('click', (e) => {
  console.log('inner', e.eventPhase);
});
document.body.addEventListener('click', () => console.log('body'));
inner.click();
inner.addEventListener('click', (e) => e.stopPropagation());
console.log('--- stopPropagation');
inner.click();
