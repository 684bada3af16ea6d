async function loadUser(id) {
  if (id < 0) throw new RangeError(`invalid id ${id}`);
  return { id };
}
loadUser(1).then((u) => console.log('loaded', u));
loadUser(-1).then((u) => console.log('never', u));
console.log('sync end');
