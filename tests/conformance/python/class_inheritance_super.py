class Base:
    def __init__(self, name):
        self.name = name

    def describe(self):
        return f"Base({self.name})"

class Mixin:
    def describe(self):
        return "Mixin+" + super().describe()

class Child(Mixin, Base):
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra

    def describe(self):
        return "Child+" + super().describe()

c = Child("c", 1)
print(c.describe())
print([k.__name__ for k in Child.__mro__])
print(isinstance(c, Base), issubclass(Child, Mixin), type(c).__name__, vars(c))
