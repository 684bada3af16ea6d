class Store {
  async load(key) {
    await null;
    return this.parse(key);
  }
  parse(key) {
    return JSON.parse(key);
  }
}
async function main() {
  const s = new Store();
  await s.load("{bad json");
}
main();
