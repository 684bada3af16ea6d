const rows = [
  ['姓名', '年龄', '城市'],
  ['张三', 28, '北京'],
  ['Ann', 31, 'NYC'],
];
const table = document.createElement('table');
const [head, ...body] = rows;
const thead = table.createTHead();
const hr = thead.insertRow();
head.forEach((h) => {
  const th = document.createElement('th');
  th.textContent = h;
  hr.appendChild(th);
});
const tbody = table.createTBody();
body.forEach((r) => {
  const tr = tbody.insertRow();
  r.forEach((cell) => (tr.insertCell().textContent = cell));
});
document.body.appendChild(table);
console.log(table.outerHTML);
console.log(table.rows.length, tbody.rows[1].cells[0].textContent, table.tHead.rows[0].cells.length);
const ages = [...tbody.rows].map((tr) => Number(tr.cells[1].textContent));
console.log(ages, ages.reduce((a, b) => a + b) / ages.length);
