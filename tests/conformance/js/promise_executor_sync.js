console.log('before');
const p = new Promise((resolve) => {
  console.log('executor runs now');
  resolve('value');
  resolve('ignored');
  console.log('after resolve');
});
p.then((v) => console.log('then', v));
console.log('after');
