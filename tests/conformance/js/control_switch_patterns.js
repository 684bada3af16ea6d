function describe(day) {
  switch (day) {
    case 0:
    case 6:
      return '周末';
    case 1:
      console.log('fall through from Monday...');
    case 2:
      return 'early week';
    default:
      return 'midweek';
  }
}
console.log([0, 1, 2, 3, 6].map(describe));
function grade(score) {
  switch (true) {
    case score >= 90:
      return 'A';
    case score >= 80:
      return 'B';
    default:
      return 'C';
  }
}
console.log(grade(95), grade(85), grade(10));
switch ('1') {
  case 1:
    console.log('number');
    break;
  case '1':
    console.log('strict equality: string');
    break;
}
const x = 3;
switch (x) {
  default:
    console.log('default first but checked last');
  case 1:
    console.log('fell into case 1');
    break;
  case 2:
    console.log('two');
}
