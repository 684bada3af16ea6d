// 用生成器实现 async/await（co 库原理）
function co(genFn) {
  return new Promise((resolve, reject) => {
    const gen = genFn();
    function step(method, arg) {
      let res;
      try {
        res = gen[method](arg);
      } catch (e) {
        return reject(e);
      }
      if (res.done) return resolve(res.value);
      Promise.resolve(res.value).then(
        (v) => step('next', v),
        (e) => step('throw', e)
      );
    }
    step('next');
  });
}
const fetchUser = (id) => new Promise((r) => setTimeout(() => r({ id, name: 'user' + id }), 10));
const failing = () => Promise.reject(new Error('网络错误'));
co(function* () {
  const u1 = yield fetchUser(1);
  console.log('got', u1);
  const [u2, u3] = yield Promise.all([fetchUser(2), fetchUser(3)]);
  console.log('got', u2.name, u3.name);
  try {
    yield failing();
  } catch (e) {
    console.log('caught inside generator:', e.message);
  }
  const plain = yield 42;
  return plain + 1;
}).then((v) => console.log('co resolved with', v));
