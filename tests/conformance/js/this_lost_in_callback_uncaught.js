class Button {
  constructor(label) {
    this.label = label;
  }
  handle() {
    return 'clicked ' + this.label;
  }
}
const b = new Button('OK');
console.log(b.handle());
const handler = b.handle;
handler();
