let a = {name: 'Alice'};
let b = a;
a = null;  // 标记为可回收
