for (let i = 1; i <= 15; i++) {
  let out = '';
  if (i % 3 === 0) out += 'Fizz';
  if (i % 5 === 0) out += 'Buzz';
  console.log(out || i);
}
console.log(Array.from({ length: 15 }, (_, i) => ((i + 1) % 15 ? ((i + 1) % 5 ? ((i + 1) % 3 ? i + 1 : 'Fizz') : 'Buzz') : 'FizzBuzz')).join(','));
const primes = (n) => Array.from({ length: n - 1 }, (_, i) => i + 2).filter((x) => Array.from({ length: Math.floor(Math.sqrt(x)) - 1 }, (_, i) => i + 2).every((d) => x % d));
console.log(primes(50));
const fib = (n) => Array.from({ length: n }).reduce((acc, _, i) => [...acc, i < 2 ? i : acc[i - 1] + acc[i - 2]], []);
console.log(fib(15));
let row = [1];
for (let i = 0; i < 6; i++) {
  console.log(row.join(' ').padStart(10 + row.join(' ').length / 2));
  row = [1, ...row.slice(1).map((x, j) => x + row[j]), 1];
}
