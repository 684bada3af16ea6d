console.log(new Uint8Array([1, 2, 3]));
console.log(new Float64Array(2));
console.log(new ArrayBuffer(4));
console.log(Buffer.from('hi'));
console.log(new Int16Array(10));
