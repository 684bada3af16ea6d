const bus = document.createElement('div');
bus.addEventListener('cart:add', (e) => {
  console.log('added', e.detail.item, 'x', e.detail.qty, '| bubbles:', e.bubbles);
});
document.body.appendChild(bus);
document.body.addEventListener('cart:add', () => console.log('body heard it'));
bus.dispatchEvent(new CustomEvent('cart:add', { detail: { item: '键盘', qty: 2 } }));
bus.dispatchEvent(new CustomEvent('cart:add', { detail: { item: 'Mouse', qty: 1 }, bubbles: true }));
const cancellable = new Event('beforeclose', { cancelable: true });
bus.addEventListener('beforeclose', (e) => e.preventDefault());
console.log('dispatch returned', bus.dispatchEvent(cancellable), cancellable.defaultPrevented);
const plain = new Event('ping');
console.log(plain.type, plain.bubbles, plain.cancelable, plain.isTrusted, plain.eventPhase);
const handler = { handleEvent(e) { console.log('object listener got', e.type); } };
bus.addEventListener('ping', handler);
bus.dispatchEvent(plain);
bus.removeEventListener('ping', handler);
bus.dispatchEvent(new Event('ping'));
