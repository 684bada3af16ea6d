let total = 0;
for (let i = 0; i < 1000000; i++) {
  total += (i * 2) % 7;
}
console.log(total);
