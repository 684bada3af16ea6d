function f() {
  try {
    throw new Error('inner');
  } catch (e) {
    console.log('caught', e.message);
    throw new TypeError('rethrown', { cause: e });
  } finally {
    console.log('finally');
  }
}
try {
  f();
} catch (e) {
  console.log(e.name, e.message, e.cause.message);
}
const agg = new AggregateError([new Error('a'), new Error('b')], 'several');
console.log(agg.name, agg.message, agg.errors.length);
