console.log('price 100 dollars 200 yuan'.match(/\d+(?= yuan)/g));
console.log('price 100 dollars 200 yuan'.match(/\d+(?! yuan)\b/g));
console.log('$42 ¥88 €7'.match(/(?<=\$)\d+/g), '$42 ¥88 €7'.match(/(?<!\$)\b\d+/g));
const strong = /^(?=.*[A-Z])(?=.*[a-z])(?=.*\d).{8,}$/;
for (const pwd of ['password', 'Passw0rd', 'Sh0rt', 'ALLUPPER1a']) {
  console.log(pwd, strong.test(pwd));
}
console.log('a1b2c3'.split(/(?<=\d)/));
