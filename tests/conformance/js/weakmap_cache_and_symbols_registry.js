const metadata = new WeakMap();
function tag(obj, info) {
  metadata.set(obj, { ...(metadata.get(obj) ?? {}), ...info });
  return obj;
}
const doc = tag({ title: 'Note' }, { author: 'Ann' });
tag(doc, { version: 2 });
console.log(metadata.get(doc), metadata.has({ title: 'Note' }), doc);
const KIND = Symbol.for('app.kind');
const user = { name: 'x', [KIND]: 'user' };
console.log(user[Symbol.for('app.kind')], Symbol.keyFor(KIND), JSON.stringify(user), Object.keys(user));
const seen = new WeakSet();
function walk(node, depth = 0) {
  if (seen.has(node)) return console.log(' '.repeat(depth * 2) + '(cycle)');
  seen.add(node);
  console.log(' '.repeat(depth * 2) + node.name);
  (node.children || []).forEach((c) => walk(c, depth + 1));
}
const root = { name: 'root', children: [{ name: 'a' }, { name: 'b', children: [] }] };
root.children[1].children.push(root);
walk(root);
console.log(typeof WeakRef, typeof FinalizationRegistry, new WeakRef(root).deref() === root);
