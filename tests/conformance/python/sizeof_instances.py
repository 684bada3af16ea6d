import sys

class Empty:
    pass

class Slots:
    __slots__ = ("a", "b")

class NoSlots:
    __slots__ = ()

e = Empty()
print(sys.getsizeof(e))
print(sys.getsizeof(Slots()))
print(sys.getsizeof(NoSlots()))
print(sys.getsizeof(object()))
e.x = 1
print(sys.getsizeof(e.__dict__))
