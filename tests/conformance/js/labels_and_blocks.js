block: {
  console.log('in block');
  if (true) break block;
  console.log('skipped');
}
rows: for (const r of [1, 2, 3]) {
  cols: for (const c of [1, 2, 3]) {
    if (c === r) continue rows;
    if (r === 3) break rows;
    console.log(r, c);
  }
}
console.log('done');
