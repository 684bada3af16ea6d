from abc import ABC, abstractmethod
import collections.abc as cabc
class Animal(ABC):
    @property
    @abstractmethod
    def sound(self):
        pass
    def speak(self):
        return f"{type(self).__name__} says {self.sound}"
class Cat(Animal):
    @property
    def sound(self):
        return "喵"
print(Cat().speak())
class Sized(ABC):
    pass
Sized.register(list)
print(isinstance([], Sized), issubclass(tuple, Sized))
print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance(iter([]), cabc.Iterator))
print(isinstance((x for x in []), cabc.Generator), isinstance("s", cabc.Iterable), isinstance(5, cabc.Hashable))
class MyLen:
    def __len__(self):
        return 0
print(isinstance(MyLen(), cabc.Sized))
