const original = [3, 1, 2];
const sorted = original.sort();
console.log(sorted === original, original);
const data = [1, 2, 3];
const mapped = data.map((x) => x);
console.log(mapped === data, mapped);
function addItem(list, item) {
  return [...list, item];
}
const l1 = ['a'];
const l2 = addItem(l1, 'b');
console.log(l1, l2);
const matrix = [[1, 2], [3, 4]];
const shallow = matrix.slice();
const deep = matrix.map((row) => [...row]);
matrix[0][0] = 'X';
console.log(shallow[0][0], deep[0][0]);
const deep2 = structuredClone(matrix);
matrix[1][1] = 'Y';
console.log(deep2);
