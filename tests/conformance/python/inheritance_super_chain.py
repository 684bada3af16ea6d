class Animal:
    def __init__(self, name):
        self.name = name
        print(f"Animal.__init__({name})")
    def speak(self):
        return "..."
    def intro(self):
        return f"I am {self.name} and I say {self.speak()}"
class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
        print("Dog.__init__")
    def speak(self):
        return "汪汪"
class Puppy(Dog):
    def speak(self):
        return super().speak() + "（小声）"
p = Puppy("Max", "corgi")
print(p.intro())
print(isinstance(p, Animal), issubclass(Puppy, Dog), issubclass(Dog, Puppy))
print([c.__name__ for c in Puppy.__mro__])
print(Puppy.__bases__, Dog.__base__.__name__)
print(type(p) is Dog, type(p).__name__)
