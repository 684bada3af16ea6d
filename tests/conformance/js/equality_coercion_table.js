const values = [0, '0', '', false, null, undefined, NaN, [], '1', 1];
const label = (v) => (Array.isArray(v) ? '[]' : typeof v === 'string' ? JSON.stringify(v) : String(v));
console.log('      ' + values.map((v) => label(v).padStart(6)).join(''));
for (const a of values) {
  console.log(label(a).padEnd(6) + values.map((b) => (a == b ? '==' : a === b ? '===' : '.').padStart(6)).join(''));
}
console.log(typeof null, typeof undefined, typeof NaN, typeof [], typeof {}, typeof function () {}, typeof Symbol(), typeof 1n, typeof class {});
console.log([] + {}, [1] == 1, [1, 2] == '1,2', {} + '' === '[object Object]', null >= 0, null > 0, null == 0, undefined == 0);
