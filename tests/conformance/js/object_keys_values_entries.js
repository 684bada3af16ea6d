const scores = { 语文: 88, math: 95, english: 72 };
console.log(Object.keys(scores));
console.log(Object.values(scores));
console.log(Object.entries(scores));
for (const [subject, score] of Object.entries(scores)) {
  console.log(`${subject.padEnd(8)}${score}`);
}
const doubled = Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, v * 2]));
console.log(doubled);
const passed = Object.fromEntries(Object.entries(scores).filter(([, v]) => v >= 80));
console.log(passed);
console.log(Object.entries('ab'), Object.keys([4, 5]), Object.values('hi'));
console.log(Object.fromEntries(new URLSearchParams('a=1&b=2')));
