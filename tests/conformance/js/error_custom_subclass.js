class ValidationError extends Error {
  constructor(field, message) {
    super(message);
    this.name = 'ValidationError';
    this.field = field;
  }
}
class DbError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = this.constructor.name;
  }
}
try {
  throw new ValidationError('email', '邮箱格式不正确');
} catch (e) {
  console.log(e instanceof ValidationError, e instanceof Error, e.name, e.field, e.message);
  console.log(String(e), e.toString(), Object.prototype.toString.call(e));
}
try {
  try {
    JSON.parse('{bad');
  } catch (inner) {
    throw new DbError('failed to load', { cause: inner });
  }
} catch (e) {
  console.log(e.name, e.message, '<-', e.cause.name);
}
console.log(Object.keys(new ValidationError('f', 'm')));
const plain = new Error('plain');
console.log(plain.name, plain.message, 'stack' in plain, typeof plain.stack);
console.log(new TypeError('t') instanceof Error, RangeError.prototype.name, Error('no new').message);
