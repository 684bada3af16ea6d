const delay = (ms, v) => new Promise((res) => setTimeout(() => res(v), ms));
Promise.all([delay(20, 'a'), delay(10, 'b'), 'c']).then((v) => console.log('all', v));
Promise.race([delay(20, 'slow'), delay(10, 'fast')]).then((v) => console.log('race', v));
Promise.allSettled([Promise.reject(new Error('no')), Promise.resolve(1)]).then((r) =>
  console.log('settled', r.map((x) => x.status), r[0].reason.message),
);
Promise.any([Promise.reject(1), Promise.reject(2)]).catch((e) =>
  console.log('any', e.constructor.name, e.errors, e.message),
);
