function make() {
  let a = 1;
  let b = 2;
  const getA = () => a;
  const incB = () => ++b;
  return { getA, incB };
}
const m = make();
console.log(m.getA(), m.incB(), m.incB(), m.getA());
