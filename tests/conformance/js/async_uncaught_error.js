async function run() {
  console.log('run');
  await null;
  null.property;
}
run();
