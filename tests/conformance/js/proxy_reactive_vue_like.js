// 类似 Vue 3 的响应式原理：Proxy + effect
const targetMap = new WeakMap();
let activeEffect = null;
function track(target, key) {
  if (!activeEffect) return;
  let deps = targetMap.get(target);
  if (!deps) targetMap.set(target, (deps = new Map()));
  let set = deps.get(key);
  if (!set) deps.set(key, (set = new Set()));
  set.add(activeEffect);
}
function trigger(target, key) {
  targetMap.get(target)?.get(key)?.forEach((fn) => fn());
}
function reactive(obj) {
  return new Proxy(obj, {
    get(t, k, r) {
      track(t, k);
      const v = Reflect.get(t, k, r);
      return typeof v === 'object' && v !== null ? reactive(v) : v;
    },
    set(t, k, v, r) {
      const old = t[k];
      const ok = Reflect.set(t, k, v, r);
      if (old !== v) trigger(t, k);
      return ok;
    },
  });
}
function effect(fn) {
  activeEffect = fn;
  fn();
  activeEffect = null;
}
const state = reactive({ count: 0, user: { name: 'Ann' } });
effect(() => console.log('count is', state.count));
effect(() => console.log('user is', state.user.name));
state.count++;
state.count = 1;
state.user.name = 'Bob';
state.other = 'no effect depends on this';
console.log(JSON.stringify(state));
