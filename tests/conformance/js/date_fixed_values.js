const d = new Date(Date.UTC(2024, 1, 29, 12, 30, 45, 123));
console.log(d.toISOString(), d.getTime(), d.getUTCDay(), d.getUTCMonth(), d.getUTCFullYear());
console.log(JSON.stringify(d), new Date(0).toISOString(), Date.UTC(1970, 0, 1));
console.log(new Date('invalid').getTime(), String(new Date(NaN)), new Date(8.64e15 + 1).getTime());
const later = new Date(d.getTime() + 24 * 3600 * 1000);
console.log(later.toISOString(), later > d, later - d);
