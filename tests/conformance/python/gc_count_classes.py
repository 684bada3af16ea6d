# A class statement allocates the class, its dict, bases and mro tuples, the
# __dict__/__weakref__ descriptors and the weak reference its base keeps.
import gc

gc.disable()

gc.collect()
c = gc.get_count()[0]
class A:
    pass
n = gc.get_count()[0]
print('class', n - c)

gc.collect()
c = gc.get_count()[0]
class B(A):
    pass
n = gc.get_count()[0]
print('subclass', n - c)

gc.collect()
c = gc.get_count()[0]
class B2(A):
    pass
n = gc.get_count()[0]
print('second subclass', n - c)

gc.collect()
c = gc.get_count()[0]
class M:
    def __init__(self):
        self.x = 1
    def get(self):
        return self.x
n = gc.get_count()[0]
print('method', n - c)
