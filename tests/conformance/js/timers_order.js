setTimeout(() => console.log('timeout 20'), 20);
setTimeout(() => console.log('timeout 0'), 0);
setTimeout(() => console.log('timeout 10'), 10);
setTimeout(() => console.log('timeout 0 again'), 0);
console.log('sync');
