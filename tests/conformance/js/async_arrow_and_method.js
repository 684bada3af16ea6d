class Service {
  constructor() {
    this.name = 'svc';
  }
  async fetchName() {
    return this.name;
  }
}
const getTwice = async (s) => (await s.fetchName()).repeat(2);
const s = new Service();
s.fetchName().then((n) => console.log(n));
getTwice(s).then((n) => console.log(n));
console.log(s.fetchName() instanceof Promise);
