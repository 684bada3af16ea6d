console.log(Date.parse('2024-03-10T12:00:00.000Z'), Date.parse('2024-03-10T12:00:00+08:00'));
console.log(new Date('2024-03-10T12:00:00+08:00').toISOString());
console.log(new Date(2024, 0, 1, 0, 0, 0).getFullYear(), new Date(Date.UTC(99, 0)).getUTCFullYear());
console.log(new Date(1e12).toISOString(), new Date(-1).toISOString());
console.log(new Date(8.64e15).toISOString(), new Date(8.64e15 + 1).getTime());
const d = new Date(Date.UTC(2020, 5, 15));
console.log(d.toLocaleDateString('en-US', { timeZone: 'UTC' }), d.toLocaleDateString('zh-CN', { timeZone: 'UTC' }));
console.log(d.toLocaleDateString('en-US', { timeZone: 'UTC', weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }));
console.log(new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'short' }).format(d));
