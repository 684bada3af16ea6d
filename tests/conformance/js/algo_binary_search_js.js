function binarySearch(arr, target) {
  let lo = 0;
  let hi = arr.length - 1;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (arr[mid] === target) return mid;
    if (arr[mid] < target) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
const sorted = Array.from({ length: 20 }, (_, i) => i * 5);
console.log(binarySearch(sorted, 35), binarySearch(sorted, 36), binarySearch(sorted, 0), binarySearch([], 1));
const firstBadVersion = (n, isBad) => {
  let lo = 1, hi = n;
  while (lo < hi) {
    const mid = lo + ((hi - lo) >> 1);
    if (isBad(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
};
console.log(firstBadVersion(100, (v) => v >= 37));
