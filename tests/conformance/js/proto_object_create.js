const animal = {
  type: 'animal',
  describe() {
    return `${this.name} is a ${this.type}`;
  },
};
const dog = Object.create(animal);
dog.name = 'Rex';
dog.type = 'dog';
console.log(dog.describe());
console.log(Object.getPrototypeOf(dog) === animal, animal.isPrototypeOf(dog));
console.log(dog.hasOwnProperty('type'), dog.hasOwnProperty('describe'), 'describe' in dog);
console.log(Object.keys(dog));
for (const k in dog) console.log('for-in', k);
const bare = Object.create(null);
bare.x = 1;
console.log(typeof bare.toString, Object.keys(bare));
const withProps = Object.create(animal, { name: { value: 'Tom', enumerable: true } });
console.log(withProps.describe(), withProps);
