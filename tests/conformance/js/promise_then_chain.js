Promise.resolve(1)
  .then((v) => {
    console.log('got', v);
    return v + 1;
  })
  .then((v) => {
    console.log('got', v);
    throw new Error('boom');
  })
  .catch((e) => {
    console.log('caught', e.message);
    return 'recovered';
  })
  .finally(() => console.log('finally'))
  .then((v) => console.log('end', v));
