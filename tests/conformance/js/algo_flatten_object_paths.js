function flatten(obj, prefix = '', out = {}) {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v, key, out);
    else out[key] = v;
  }
  return out;
}
function unflatten(flat) {
  const result = {};
  for (const [path, v] of Object.entries(flat)) {
    const keys = path.split('.');
    keys.slice(0, -1).reduce((node, k) => (node[k] ??= {}), result)[keys.at(-1)] = v;
  }
  return result;
}
const config = { db: { host: 'localhost', port: 5432, auth: { user: 'admin' } }, debug: true, tags: ['a', 'b'] };
const flat = flatten(config);
console.log(flat);
console.log(unflatten(flat));
const get = (obj, path, dflt) => path.split('.').reduce((o, k) => o?.[k], obj) ?? dflt;
console.log(get(config, 'db.auth.user'), get(config, 'db.auth.pass', '<none>'), get(config, 'tags.1'));
