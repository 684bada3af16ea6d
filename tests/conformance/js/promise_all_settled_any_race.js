const delay = (ms, v, fail = false) =>
  new Promise((res, rej) => setTimeout(() => (fail ? rej(new Error(v)) : res(v)), ms));
Promise.all([delay(30, 'a'), delay(10, 'b'), 'plain', 42]).then((v) => console.log('all:', v));
Promise.all([delay(10, 'ok'), delay(20, 'boom', true)]).catch((e) => console.log('all rejected:', e.message));
Promise.allSettled([delay(5, 'x'), delay(15, 'y', true)]).then((results) => {
  console.log('allSettled:', results.map((r) => (r.status === 'fulfilled' ? r : { status: r.status, reason: r.reason.message })));
});
Promise.race([delay(40, 'slow'), delay(25, 'fast')]).then((v) => console.log('race:', v));
Promise.any([delay(10, 'e1', true), delay(35, 'first success'), delay(50, 'later')]).then((v) => console.log('any:', v));
Promise.any([delay(1, 'n1', true), Promise.reject(new Error('n2'))]).catch((e) => {
  console.log('any failed:', e.constructor.name, e.message, e.errors.map((x) => x.message));
});
Promise.all([]).then((v) => console.log('empty all:', v));
Promise.race([]).then(() => console.log('never settles'));
