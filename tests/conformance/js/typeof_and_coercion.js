console.log(typeof null, typeof undefined, typeof 1n, typeof Symbol(), typeof function () {}, typeof [], typeof NaN);
console.log(1 + '2', '3' * '4', true + 1, [] + [], [] + {}, [1, 2] + '', null + 1, undefined + 1);
console.log(0 == '', null == undefined, null == 0, NaN == NaN, '1' == 1, [1] == 1, '0' == false);
console.log(!!'', !!'0', !![], !!{}, !!NaN, +'', +' 12 ', +[], +{}, -'5');
console.log(String([1, [2, 3]]), String({}), String(null), `${[1, 2]}`, 10 / '2', '10' - - '2');
