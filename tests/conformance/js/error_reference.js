console.log('start');
console.log(notDefined);
