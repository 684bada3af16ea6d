async function failing() {
  await null;
  throw new RangeError('out of range');
}
async function main() {
  try {
    await failing();
  } catch (e) {
    console.log('caught', e.name, e.message);
  } finally {
    console.log('finally');
  }
  return 'main done';
}
main().then(console.log);
