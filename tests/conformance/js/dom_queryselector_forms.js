const form = document.querySelector('#signup');
const user = form.querySelector('input[name="user"]');
console.log(user.value, user.defaultValue, form.elements.length);
console.log(form.elements.age.value, typeof form.elements.age.value, form.elements.age.valueAsNumber);
console.log(form.elements.city.value, form.querySelector('option:checked').textContent);
console.log(form.elements.agree.checked, form.elements.bio.value);
user.value = 'bob';
console.log(user.value, user.getAttribute('value'));
const data = {};
for (const el of form.elements) {
  if (!el.name) continue;
  data[el.name] = el.type === 'checkbox' ? el.checked : el.value;
}
console.log(data);
form.addEventListener('submit', (e) => {
  e.preventDefault();
  console.log('submit prevented:', e.defaultPrevented, e.type);
});
form.querySelector('button').click();
console.log(document.querySelectorAll('input').length, document.querySelectorAll('form > input[type]').length);
