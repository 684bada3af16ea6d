function* g() {
  try {
    yield 1;
    yield 2;
  } catch (e) {
    console.log('caught inside', e);
    yield 'recovered';
  } finally {
    console.log('generator finally');
  }
}
const it = g();
console.log(it.next());
console.log(it.throw('boom'));
console.log(it.next());
const it2 = g();
it2.next();
console.log(it2.return('early'));
console.log(it2.next());
console.log(Object.prototype.toString.call(it2), typeof it2[Symbol.iterator]);
