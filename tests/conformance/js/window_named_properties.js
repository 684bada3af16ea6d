// Elements with an id are properties of the window (and so global variables).
document.body.innerHTML = `
  <button id="saveButton">Save</button>
  <img name="logo" src="logo.png">
  <p id="dup">a</p><p id="dup">b</p>`;
saveButton.addEventListener('click', () => console.log('saved'));
saveButton.click();
console.log(window.saveButton === document.getElementById('saveButton'), 'saveButton' in window);
console.log(logo.tagName, window.dup.length, typeof missingThing, window.missingThing);
const extra = document.createElement('span');
extra.id = 'later';
console.log(typeof later);
document.body.append(extra);
console.log(later.tagName);
extra.remove();
try {
  later;
} catch (e) {
  console.log(e.name, e.message);
}
var saveButton2 = 1;
console.log(saveButton2, typeof addEventListener);
