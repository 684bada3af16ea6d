const api = {
  user: {
    name: 'Ann',
    getFriends() {
      return ['Bob'];
    },
    address: null,
  },
  list: [{ id: 1 }],
};
console.log(api.user?.name, api.admin?.name, api.user.address?.city, api.user.address?.city?.zip);
console.log(api.user.getFriends?.(), api.user.getEnemies?.(), api.list?.[0]?.id, api.list?.[5]?.id);
console.log(api.missing?.deeply.nested.chain, api.user?.['na' + 'me']);
let calls = 0;
const obj = null;
obj?.method(calls++);
console.log('short-circuit, calls =', calls);
const fn = undefined;
console.log(fn?.(), typeof fn?.call);
const settings = { volume: 0, theme: '' };
console.log(settings.volume ?? 50, settings.volume || 50, settings.theme ?? 'light', settings.theme || 'light');
console.log((null || undefined) ?? 'fallback', 0 ?? 'not used');
try {
  api.user.address.city;
} catch (e) {
  console.log(e.message);
}
