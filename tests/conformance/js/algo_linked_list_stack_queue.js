class ListNode {
  constructor(value, next = null) {
    this.value = value;
    this.next = next;
  }
}
class LinkedList {
  constructor(...values) {
    this.head = null;
    this.size = 0;
    values.reverse().forEach((v) => this.prepend(v));
  }
  prepend(v) {
    this.head = new ListNode(v, this.head);
    this.size++;
    return this;
  }
  reverse() {
    let prev = null, cur = this.head;
    while (cur) [cur.next, prev, cur] = [prev, cur, cur.next];
    this.head = prev;
    return this;
  }
  *[Symbol.iterator]() {
    for (let n = this.head; n; n = n.next) yield n.value;
  }
  toString() {
    return [...this].join(' -> ') + ' -> null';
  }
}
const list = new LinkedList(1, 2, 3);
console.log(String(list), list.size);
console.log(`${list.reverse()}`);
console.log(list.head);
class Queue {
  #items = {};
  #head = 0;
  #tail = 0;
  enqueue(x) { this.#items[this.#tail++] = x; }
  dequeue() {
    if (this.#head === this.#tail) return undefined;
    const x = this.#items[this.#head];
    delete this.#items[this.#head++];
    return x;
  }
  get length() { return this.#tail - this.#head; }
}
const q = new Queue();
['a', 'b', 'c'].forEach((x) => q.enqueue(x));
console.log(q.dequeue(), q.dequeue(), q.length, q.dequeue(), q.dequeue(), q);
