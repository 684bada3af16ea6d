outer: for (let i = 0; i < 3; i++) {
  for (let j = 0; j < 3; j++) {
    if (j === 1) continue outer;
    if (i === 2) break outer;
    console.log(`i=${i} j=${j}`);
  }
}
const grid = [[1, 2], [3, 42], [5, 6]];
let found = null;
search: for (const [r, row] of grid.entries()) {
  for (const [c, v] of row.entries()) {
    if (v === 42) {
      found = [r, c];
      break search;
    }
  }
}
console.log('found at', found);
block: {
  console.log('in block');
  if (found) break block;
  console.log('never printed');
}
let n = 0;
do {
  n++;
} while (n < 5);
console.log('do-while', n);
let k = 10;
while (true) {
  if (--k < 7) break;
}
console.log(k);
