class EventEmitter {
  #handlers = new Map();
  on(event, fn) {
    if (!this.#handlers.has(event)) this.#handlers.set(event, []);
    this.#handlers.get(event).push(fn);
    return () => this.off(event, fn);
  }
  off(event, fn) {
    this.#handlers.set(event, (this.#handlers.get(event) || []).filter((h) => h !== fn && h.original !== fn));
  }
  once(event, fn) {
    const wrapper = (...args) => {
      this.off(event, wrapper);
      fn(...args);
    };
    wrapper.original = fn;
    this.on(event, wrapper);
  }
  emit(event, ...args) {
    const list = [...(this.#handlers.get(event) || [])];
    list.forEach((h) => h(...args));
    return list.length > 0;
  }
}
const bus = new EventEmitter();
const unsub = bus.on('msg', (m) => console.log('A got', m));
bus.on('msg', (m) => console.log('B got', m));
bus.once('msg', (m) => console.log('once got', m));
console.log(bus.emit('msg', 'hello'));
unsub();
console.log(bus.emit('msg', '第二条'));
console.log(bus.emit('none'));
const { EventEmitter: NodeEmitter } = require('events');
const e = new NodeEmitter();
e.once('ready', (x) => console.log('node once', x));
e.on('ready', (x) => console.log('node on', x));
e.emit('ready', 1);
e.emit('ready', 2);
console.log(e.listenerCount('ready'), e.eventNames());
e.emit('error', new Error('unhandled emitter error'));
