function createCounter() {
  let count = 0;
  return function () {
    return count++;
  };
}
const counter = createCounter();
console.log(counter(), counter(), counter());
const other = createCounter();
console.log(other(), counter());
