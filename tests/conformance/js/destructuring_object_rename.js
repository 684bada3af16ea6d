const user = { id: 7, name: '王五', profile: { city: '杭州', tags: ['js', 'py'] } };
const { name, age = 18, id: userId } = user;
console.log(name, age, userId);
const {
  profile: { city, tags: [firstTag] },
} = user;
console.log(city, firstTag);
const { id, ...rest } = user;
console.log(id, rest);
const key = 'name';
const { [key]: dynamic } = user;
console.log(dynamic);
function show({ name, profile: { city = '未知' } = {} } = {}) {
  return `${name ?? '匿名'} @ ${city}`;
}
console.log(show(user), show({ name: 'A' }), show());
let x, y;
({ x, y = 5 } = { x: 1 });
console.log(x, y);
