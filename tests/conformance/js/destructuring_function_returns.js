function stats(nums) {
  const sum = nums.reduce((a, b) => a + b, 0);
  return { sum, mean: sum / nums.length, min: Math.min(...nums), max: Math.max(...nums) };
}
const { mean, max: highest, ...others } = stats([3, 9, 4, 8]);
console.log(mean, highest, others);
const useState = (initial) => {
  let value = initial;
  return [() => value, (v) => (value = typeof v === 'function' ? v(value) : v)];
};
const [getCount, setCount] = useState(0);
setCount(5);
setCount((c) => c * 2);
console.log(getCount());
const entries = [['a', 1], ['b', 2]];
for (const [key, value] of entries) console.log(`${key}=${value}`);
const users = [{ name: 'A', address: { city: 'X' } }, { name: 'B', address: {} }];
for (const { name, address: { city = '未知' } } of users) console.log(name, city);
const [, second = 'none', ...tail] = [1];
console.log(second, tail);
const { length, 0: firstChar, [length - 1]: lastChar } = 'hello';
console.log(length, firstChar, lastChar);
const swap = ({ a, b }) => ({ a: b, b: a });
console.log(swap({ a: 1, b: 2 }));
