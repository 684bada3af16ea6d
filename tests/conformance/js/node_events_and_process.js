const EventEmitter = require('events');
class Order extends EventEmitter {
  place(item) {
    this.emit('placed', { item, at: 'step1' });
    process.nextTick(() => this.emit('confirmed', item));
    setTimeout(() => this.emit('shipped', item), 10);
  }
}
const order = new Order();
order.on('placed', (e) => console.log('placed', e));
order.on('confirmed', (item) => console.log('confirmed', item));
order.once('shipped', (item) => console.log('shipped', item));
order.place('书');
console.log('listeners:', order.listenerCount('placed'), order.eventNames());
console.log(typeof process.argv, process.argv.length >= 2, typeof process.env, process.platform === 'linux');
console.log(typeof process.memoryUsage().heapUsed, typeof process.hrtime.bigint(), process.exitCode);
process.on('exit', (code) => console.log('exit event with code', code));
