const b1 = document.getElementById('b1');
const b2 = document.getElementById('b2');
b1.addEventListener('click', function (e) {
  console.log('function this is element:', this === b1, this.id, e.currentTarget === this);
});
b1.addEventListener('click', (e) => {
  console.log('arrow this is window:', this === window || this === undefined || typeof this, e.currentTarget.id);
});
class Counter {
  constructor(btn) {
    this.count = 0;
    btn.addEventListener('click', this.onClickBound.bind(this));
    btn.addEventListener('click', this.onClickLost);
  }
  onClickBound() {
    this.count++;
    console.log('bound count', this.count);
  }
  onClickLost() {
    console.log('lost this:', this.id, this.count);
  }
}
new Counter(b2);
b1.click();
b2.click();
b2.click();
