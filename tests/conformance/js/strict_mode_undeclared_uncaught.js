'use strict';
function sloppyLooking() {
  let total = 0;
  for (let i = 0; i < 3; i++) total += i;
  return total;
}
console.log(sloppyLooking());
console.log(typeof undeclaredVariable);
undeclaredVariable = 5;
