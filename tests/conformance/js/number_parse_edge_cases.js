console.log(parseInt('42px'), parseInt('px42'), parseInt('3.99'), parseInt('-0'), parseInt('  12  '));
console.log(parseInt('ff', 16), parseInt('0xff'), parseInt('101', 2), parseInt('z', 36), parseInt('08'));
console.log(parseInt(0.0000005), parseInt('1e3'), parseFloat('1e3'), parseFloat('3.14abc'), parseFloat('.5'));
console.log(parseInt(''), parseInt(null), parseInt('Infinity'), parseFloat('Infinity'));
console.log(Number('42'), Number('42px'), Number(null), Number(undefined), Number(true), Number([]), Number([5]), Number([1, 2]));
console.log(+'', +' ', +'\n', +'0b11', +'0o17', +'1_000');
console.log(Math.floor(-4.5), Math.trunc(-4.5), Math.round(-4.5), Math.round(4.5), Math.ceil(-4.5), ~~-4.5);
