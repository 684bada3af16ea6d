from abc import ABC, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
    @abstractmethod
    def perimeter(self):
        ...
    def describe(self):
        return f"{type(self).__name__}: area={self.area()}"
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
    def perimeter(self):
        return 4 * self.s
print(Square(3).describe(), Square(3).perimeter())
print(sorted(Shape.__abstractmethods__))
class Half(Shape):
    def area(self):
        return 0
try:
    Half()
except TypeError as e:
    print(e)
Shape()
