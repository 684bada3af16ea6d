import weakref

for value in (1, "s", (1,), None, 1.5):
    try:
        weakref.ref(value)
    except TypeError as e:
        print(e)

class Slotted:
    __slots__ = ("a",)

try:
    weakref.ref(Slotted())
except TypeError as e:
    print(e)

class WithWeak:
    __slots__ = ("a", "__weakref__")

print(weakref.ref(WithWeak())() is None)
