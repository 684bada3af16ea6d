for (const [i, v] of ['a', 'b'].entries()) console.log(i, v);
for (const k in { x: 1, y: 2 }) console.log('key', k);
let n = 0;
do {
  n++;
} while (n < 3);
console.log('n', n);
let i = 0;
while (true) {
  if (++i > 4) break;
  if (i % 2) continue;
  console.log('even', i);
}
function grade(score) {
  switch (true) {
    case score >= 90:
      return 'A';
    case score >= 80:
      return 'B';
    default:
      return 'C';
  }
}
console.log(grade(95), grade(85), grade(10));
switch (3) {
  default:
    console.log('default first');
  case 1:
    console.log('falls into 1');
    break;
  case 2:
    console.log('never');
}
