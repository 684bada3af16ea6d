const a = [5, 1, 10, 2];
console.log(a.map((x) => x * 2), a.filter((x) => x > 2), a.reduce((s, x) => s + x, 0));
console.log([...a].sort(), [...a].sort((x, y) => x - y), a.toSorted((x, y) => y - x), a);
console.log(a.find((x) => x > 4), a.findIndex((x) => x > 4), a.findLast((x) => x < 5), a.at(-1));
console.log([1, [2, [3, [4]]]].flat(), [1, [2, [3, [4]]]].flat(Infinity), [1, 2].flatMap((x) => [x, x]));
console.log(a.includes(10), a.indexOf(99), a.join('-'), a.slice(1, 3), Array.from('abc'), Array.of(7));
const b = [1, 2, 3, 4, 5];
console.log(b.splice(1, 2, 'x'), b, b.reverse(), b.fill(0, 3), b.some((x) => x === 'x'), b.every(Boolean));
console.log(Array.isArray([]), [3, 2, 1].toReversed(), [1, 2, 3].with(1, 'w'), [, 1].keys().next());
