const arr = [1, 2, 3];
arr.label = 'tagged';
console.log(arr);
const sparse = [];
sparse[5] = 'x';
console.log(sparse, sparse.length);
const holes = [1, , , 4, , 6];
console.log(holes);
