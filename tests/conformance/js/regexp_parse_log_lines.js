const logs = `2024-05-01 10:00:01 [INFO] server started on port 3000
2024-05-01 10:00:05 [WARN] slow query: 1200ms
2024-05-01 10:01:10 [ERROR] db timeout after 5000ms
2024-05-01 10:02:00 [INFO] GET /api/users 200 35ms
malformed line
2024-05-01 10:03:00 [ERROR] GET /api/orders 500 12ms`;
const re = /^(?<date>\d{4}-\d{2}-\d{2}) (?<time>[\d:]+) \[(?<level>\w+)\] (?<msg>.+)$/;
const entries = logs.split('\n').map((line) => line.match(re)?.groups).filter(Boolean);
console.log(entries.length, entries[0]);
const levels = entries.reduce((acc, e) => ({ ...acc, [e.level]: (acc[e.level] || 0) + 1 }), {});
console.log(levels);
const durations = [...logs.matchAll(/(\d+)ms/g)].map((m) => Number(m[1]));
console.log(durations, Math.max(...durations));
const requests = [...logs.matchAll(/(?<method>GET|POST) (?<path>\S+) (?<status>\d{3})/g)].map((m) => ({ ...m.groups }));
console.log(requests);
console.log(logs.replace(/\[(ERROR)\]/g, '[$1!!]').split('\n').filter((l) => l.includes('!!')));
