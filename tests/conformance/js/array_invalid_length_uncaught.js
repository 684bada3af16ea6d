console.log(new Array(3).length);
try {
  [].length = -1;
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
const n = -5;
const arr = new Array(n);
