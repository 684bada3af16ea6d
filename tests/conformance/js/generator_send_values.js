function* conversation() {
  const name = yield '你叫什么名字？';
  const hobby = yield `你好 ${name}，你的爱好是？`;
  return `${name} 喜欢 ${hobby}`;
}
const talk = conversation();
console.log(talk.next().value);
console.log(talk.next('小明').value);
console.log(talk.next('编程'));
console.log(talk.next());
function* averager() {
  let total = 0, count = 0, avg;
  while (true) {
    const v = yield avg;
    total += v;
    count++;
    avg = total / count;
  }
}
const avg = averager();
avg.next();
console.log(avg.next(10).value, avg.next(20).value, avg.next(60).value);
console.log(avg.return('stop'), avg.next(5));
