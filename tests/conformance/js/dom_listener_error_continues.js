const b = document.createElement('button');
b.addEventListener('click', () => {
  console.log('first listener');
  throw new TypeError('listener failed');
});
b.addEventListener('click', () => console.log('second listener still runs'));
b.click();
console.log('after click');
