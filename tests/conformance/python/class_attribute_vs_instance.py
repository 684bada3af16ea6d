class Dog:
    species = "canine"
    tricks = []
    def __init__(self, name):
        self.name = name
    def add_trick(self, trick):
        self.tricks.append(trick)
a, b = Dog("Rex"), Dog("Fido")
a.add_trick("roll")
b.add_trick("sit")
print(a.tricks, b.tricks, Dog.tricks is a.tricks)
a.species = "wolf"
print(a.species, b.species, Dog.species)
print(a.__dict__, "species" in Dog.__dict__)
del a.species
print(a.species)
Dog.species = "dog"
print(b.species, getattr(b, "color", "unknown"), hasattr(b, "name"))
setattr(b, "color", "brown")
print(vars(b))
