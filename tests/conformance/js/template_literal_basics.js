const name = '世界';
const n = 3;
console.log(`你好，${name}！`);
console.log(`${n} + ${n} = ${n + n}, ${n > 2 ? 'big' : 'small'}`);
const multi = `第一行
第二行
  缩进行`;
console.log(multi);
console.log(`nested: ${`inner ${n * 2}`}`);
console.log(`obj: ${{ a: 1 }} arr: ${[1, 2, 3]} fn: ${() => 1}`);
console.log(`null=${null} undef=${undefined} sym=${String(Symbol('s'))}`);
const html = (items) => `<ul>
${items.map((i) => `  <li>${i}</li>`).join('\n')}
</ul>`;
console.log(html(['a', 'b']));
console.log(`\`backtick\` and \${not interpolated}`);
