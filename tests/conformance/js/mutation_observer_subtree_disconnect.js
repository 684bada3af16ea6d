const root = document.createElement('section');
document.body.appendChild(root);
let batches = 0;
const observer = new MutationObserver((records) => {
  batches++;
  console.log('batch', batches, records.length, records.map((r) => r.target.nodeName));
});
observer.observe(root, { childList: true, subtree: true });
const child = document.createElement('div');
root.appendChild(child);
child.appendChild(document.createElement('span'));
setTimeout(() => {
  child.appendChild(document.createElement('em'));
  console.log('pending', observer.takeRecords().length);
  observer.disconnect();
  child.appendChild(document.createElement('b'));
}, 0);
