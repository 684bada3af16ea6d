console.log('10' < '9', 10 < 9, '10' < 9, 'abc' < 'abd', 'B' < 'a', 'apple' > 'Apple');
console.log('2' + 2, '2' - 2, '2' * '3', '10' / '4', '5' % 2, +'3' + 1);
console.log('' == 0, '0' == false, null == undefined, null == 0, NaN == NaN, [] == false, [0] == false);
console.log(typeof String(1), typeof new String(1), new String('a') == 'a', new String('a') === 'a');
console.log(String(null), String(undefined), String(123n), String([1, [2]]), String({}));
console.log((123.456).toString(), (255).toString(16), (255).toString(2), Number('0x1F'), Number(''), Number(' 12 '), Number('12px'));
