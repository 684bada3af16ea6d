// 暂时性死区 (TDZ)
let x = 'outer';
{
  console.log(typeof undeclared);
  try {
    console.log(x);
  } catch (e) {
    console.log(e.name + ': ' + e.message);
  }
  let x = 'inner';
  console.log(x);
}
console.log(count);
let count = 0;
