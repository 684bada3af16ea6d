console.log(typeof hoisted, typeof notYet, v);
var v = 'assigned later';
function hoisted() {
  return 'works';
}
var notYet = function () {};
console.log(hoisted(), v);
{
  function blockFn() {
    return 'block';
  }
}
console.log(typeof blockFn);
if (true) {
  var leaked = 'var escapes blocks';
  let contained = 1;
}
console.log(leaked, typeof contained);
