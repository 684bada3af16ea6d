class Logger {
  static #instance = null;
  #lines = [];
  constructor() {
    if (Logger.#instance) return Logger.#instance;
    Logger.#instance = this;
  }
  log(msg) {
    this.#lines.push(msg);
    return this;
  }
  get lines() {
    return [...this.#lines];
  }
}
new Logger().log('first');
new Logger().log('second');
console.log(new Logger() === new Logger(), new Logger().lines);
function createUser(name, role = 'guest') {
  const permissions = { admin: ['read', 'write', 'delete'], guest: ['read'] }[role] ?? [];
  return Object.freeze({
    name,
    role,
    can: (p) => permissions.includes(p),
    toString: () => `${name} (${role})`,
  });
}
const admin = createUser('root', 'admin');
const guest = createUser('游客');
console.log(`${admin}`, admin.can('delete'), `${guest}`, guest.can('write'), Object.isFrozen(guest));
const shapes = { circle: (r) => Math.PI * r * r, square: (s) => s * s };
const area = (type, ...args) => {
  if (!(type in shapes)) throw new Error(`unknown shape: ${type}`);
  return shapes[type](...args);
};
console.log(area('square', 3), area('circle', 1).toFixed(3));
try {
  area('hexagon', 1);
} catch (e) {
  console.log(e.message);
}
