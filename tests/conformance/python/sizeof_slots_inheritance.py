import sys

class Base:
    __slots__ = ("a",)

class Child(Base):
    __slots__ = ("b", "c")

class Open(Base):
    pass

print(sys.getsizeof(Base()))
print(sys.getsizeof(Child()))
print(sys.getsizeof(Open()))
print(hasattr(Child(), "__dict__"), hasattr(Open(), "__dict__"))
