const orders = [
  { id: 'A001', customer: '张三', items: [{ sku: 'pen', qty: 3, price: 2.5 }, { sku: 'book', qty: 1, price: 39.9 }], status: 'paid' },
  { id: 'A002', customer: 'Lily', items: [{ sku: 'bag', qty: 1, price: 199 }], status: 'pending' },
  { id: 'A003', customer: '张三', items: [{ sku: 'pen', qty: 10, price: 2.5 }], status: 'paid' },
  { id: 'A004', customer: 'Tom', items: [], status: 'cancelled' },
];
const total = (o) => o.items.reduce((s, i) => s + i.qty * i.price, 0);
const paid = orders.filter((o) => o.status === 'paid');
console.log(paid.map((o) => `${o.id}: ¥${total(o).toFixed(2)}`));
const byCustomer = orders.reduce((acc, o) => {
  acc[o.customer] = (acc[o.customer] ?? 0) + total(o);
  return acc;
}, {});
console.log(byCustomer);
const skuQty = orders.flatMap((o) => o.items).reduce((m, i) => m.set(i.sku, (m.get(i.sku) ?? 0) + i.qty), new Map());
console.log(skuQty, [...skuQty].sort((a, b) => b[1] - a[1])[0][0]);
const statusCount = Object.fromEntries([...new Set(orders.map((o) => o.status))].map((s) => [s, orders.filter((o) => o.status === s).length]));
console.log(statusCount);
console.log(orders.some((o) => o.items.length === 0), orders.every((o) => o.id.startsWith('A')), orders.findLast((o) => o.customer === '张三').id);
console.log(orders.map(total).map((t) => Math.round(t * 100) / 100).sort((a, b) => b - a));
