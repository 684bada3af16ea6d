// jsdom keeps the [SameObject] attributes a script touched (style, classList,
// children, ...) on the element, so logging an element shows them.
const card = document.createElement('div');
console.log(card);
card.style.color = 'red';
card.style.marginTop = '4px';
card.classList.add('card');
card.innerHTML = '<p>one</p><p>two</p>';
console.log(card.children.length, card.childNodes.length);
console.log(card);
console.log([card]);
console.log(card.style);
const observer = new MutationObserver((records) => {
  console.log(records[0].addedNodes.length);
  console.log(records[0]);
});
observer.observe(document.body, { childList: true });
document.body.append(card);
