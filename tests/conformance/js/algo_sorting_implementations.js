function bubbleSort(arr) {
  const a = [...arr];
  for (let i = 0; i < a.length; i++) {
    let swapped = false;
    for (let j = 0; j < a.length - 1 - i; j++) {
      if (a[j] > a[j + 1]) {
        [a[j], a[j + 1]] = [a[j + 1], a[j]];
        swapped = true;
      }
    }
    if (!swapped) break;
  }
  return a;
}
const quickSort = (arr) => {
  if (arr.length <= 1) return arr;
  const [pivot, ...rest] = arr;
  return [...quickSort(rest.filter((x) => x < pivot)), pivot, ...quickSort(rest.filter((x) => x >= pivot))];
};
function mergeSort(arr) {
  if (arr.length <= 1) return arr;
  const mid = arr.length >> 1;
  const left = mergeSort(arr.slice(0, mid));
  const right = mergeSort(arr.slice(mid));
  const out = [];
  while (left.length && right.length) out.push(left[0] <= right[0] ? left.shift() : right.shift());
  return [...out, ...left, ...right];
}
const data = [5, 3, 8, 1, 9, 2, 7, 3];
console.log(bubbleSort(data), quickSort(data), mergeSort(data), data);
console.log(quickSort(['pear', 'apple', 'fig']), mergeSort([]));
