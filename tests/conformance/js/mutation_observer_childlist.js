const observer = new MutationObserver((mutations) => {
  for (const m of mutations) {
    console.log(m.type, m.addedNodes.length, m.removedNodes.length);
  }
});
observer.observe(document.body, { childList: true });
const div = document.createElement('div');
document.body.appendChild(div);
console.log('appended');
Promise.resolve().then(() => {
  div.remove();
  console.log('removed');
});
