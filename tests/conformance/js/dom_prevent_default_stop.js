const outer = document.getElementById('outer');
const link = document.getElementById('link');
outer.addEventListener('click', () => console.log('outer got click'));
link.addEventListener('click', (e) => {
  e.preventDefault();
  console.log('link default prevented:', e.defaultPrevented);
});
link.click();
link.addEventListener('click', (e) => {
  e.stopImmediatePropagation();
  console.log('second listener stops everything after it');
});
link.addEventListener('click', () => console.log('third listener never runs'));
link.click();
console.log(link.getAttribute('href'), link.href.endsWith('#section'));
