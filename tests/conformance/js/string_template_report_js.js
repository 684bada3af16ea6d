const students = [
  { name: '张三', scores: { math: 95, english: 82, physics: 78 } },
  { name: 'Alice', scores: { math: 67, english: 91, physics: 88 } },
  { name: '李四', scores: { math: 88, english: 75, physics: 92 } },
];
const subjects = Object.keys(students[0].scores);
const avg = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(['姓名', ...subjects, '平均'].map((h, i) => (i ? h.padStart(8) : h.padEnd(8))).join(''));
console.log('-'.repeat(40));
for (const s of students) {
  const vals = subjects.map((k) => s.scores[k]);
  console.log(s.name.padEnd(8) + vals.map((v) => String(v).padStart(8)).join('') + avg(vals).toFixed(1).padStart(8));
}
const best = subjects.map((k) => {
  const top = students.reduce((a, b) => (b.scores[k] > a.scores[k] ? b : a));
  return `${k}: ${top.name} (${top.scores[k]})`;
});
console.log(`各科第一:\n  ${best.join('\n  ')}`);
const grade = (n) => (n >= 90 ? 'A' : n >= 80 ? 'B' : n >= 70 ? 'C' : 'D');
console.log(students.map((s) => `${s.name}=${subjects.map((k) => grade(s.scores[k])).join('')}`).join(', '));
