function test() {
  const log = [];
  try {
    log.push('try');
    throw new Error('oops');
  } catch (e) {
    log.push('catch ' + e.message);
    return log;
  } finally {
    log.push('finally');
  }
}
console.log(test());
function override() {
  try {
    return 'from try';
  } finally {
    return 'from finally';
  }
}
console.log(override());
function swallow() {
  try {
    throw new Error('lost');
  } finally {
    return 'finally wins';
  }
}
console.log(swallow());
try {
  try {
    throw new Error('inner');
  } finally {
    console.log('inner finally');
  }
} catch (e) {
  console.log('outer catch', e.message);
}
try {
  throw { code: 42 };
} catch ({ code }) {
  console.log('thrown object code', code);
}
try {
  throw 'a string';
} catch (e) {
  console.log(typeof e, e);
}
try {
  null.x;
} catch {
  console.log('optional catch binding');
}
