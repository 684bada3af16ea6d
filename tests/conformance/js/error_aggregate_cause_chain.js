const errors = [new TypeError('bad type'), new RangeError('out of range')];
const agg = new AggregateError(errors, '多个错误');
console.log(agg.name, agg.message, agg.errors.length, agg.errors.map((e) => e.name));
function readFile(name) {
  throw new Error(`ENOENT: ${name}`);
}
function loadConfig() {
  try {
    readFile('config.json');
  } catch (err) {
    throw new Error('配置加载失败', { cause: err });
  }
}
try {
  loadConfig();
} catch (e) {
  let depth = 0;
  for (let cur = e; cur; cur = cur.cause) console.log(' '.repeat(depth++ * 2) + `${cur.name}: ${cur.message}`);
  console.log('cause' in e, Object.keys(e), e.cause instanceof Error);
}
const withData = new Error('with extra', { cause: { code: 42 } });
console.log(withData.cause);
class NotFound extends Error {
  name = 'NotFound';
}
const nf = new NotFound('missing');
console.log(String(nf), nf.name, Object.keys(nf));
throw agg;
