const c = 1;
try {
  c = 2;
} catch (e) {
  console.log(e instanceof TypeError, e.message);
}
c = 3;
