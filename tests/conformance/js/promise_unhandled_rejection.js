console.log('start');
Promise.reject(new TypeError('nobody catches this'));
setTimeout(() => console.log('never runs'), 0);
