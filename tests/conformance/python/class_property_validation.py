class Person:
    def __init__(self, name, age):
        self.name = name
        self.age = age
    @property
    def age(self):
        return self._age
    @age.setter
    def age(self, value):
        if not isinstance(value, int) or value < 0:
            raise ValueError(f"年龄不合法: {value!r}")
        self._age = value
    @property
    def info(self):
        return f"{self.name} ({self.age})"
p = Person("小王", 20)
print(p.age, p.info)
p.age = 21
print(p.info, p.__dict__)
try:
    p.age = -1
except ValueError as e:
    print(e)
print(type(Person.age).__name__)
p.info = "new"
