// Vue 2 风格：Object.defineProperty 数据劫持
function observe(obj, onChange, path = '') {
  for (const key of Object.keys(obj)) {
    let value = obj[key];
    const full = path ? `${path}.${key}` : key;
    if (value && typeof value === 'object') observe(value, onChange, full);
    Object.defineProperty(obj, key, {
      enumerable: true,
      configurable: true,
      get() {
        return value;
      },
      set(v) {
        if (v === value) return;
        onChange(full, value, v);
        value = v;
      },
    });
  }
  return obj;
}
const data = observe({ title: '笔记', meta: { views: 1 }, tags: ['js'] }, (key, oldV, newV) =>
  console.log(`${key}: ${JSON.stringify(oldV)} -> ${JSON.stringify(newV)}`)
);
data.title = 'JS 笔记';
data.title = 'JS 笔记';
data.meta.views++;
data.tags.push('vue');
data.added = 'not observed';
console.log(data);
console.log(JSON.stringify(data), Object.keys(data));
