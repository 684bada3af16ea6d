function f(a, b) {
  arguments[0] = 'changed';
  return [a, arguments.length, Array.from(arguments), typeof arguments];
}
console.log(f(1, 2, 3));
function strict(a) {
  'use strict';
  arguments[0] = 'changed';
  return a;
}
console.log(strict('orig'), f.length, ((x, y = 1, ...z) => 0).length);
