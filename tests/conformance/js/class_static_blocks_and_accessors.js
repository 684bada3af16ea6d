class Registry {
  static items = [];
  static {
    Registry.items.push('from static block');
  }
  static get size() {
    return Registry.items.length;
  }
  get [Symbol.toStringTag]() {
    return 'Registry!';
  }
}
console.log(Registry.items, Registry.size, String(new Registry()), Object.prototype.toString.call([]));
