# Every class has a basic weak reference (its bases' subclass registry holds it):
# weakref.ref(cls) returns that one, so it allocates nothing.
import gc

gc.disable()

import weakref


class A:
    pass


class Obj:
    pass


o = Obj()

gc.collect()
c = gc.get_count()[0]
r = weakref.ref(A)
n = gc.get_count()[0]
print('ref to class', n - c)

gc.collect()
c = gc.get_count()[0]
ri = weakref.ref(o)
n = gc.get_count()[0]
print('ref to instance', n - c)

gc.collect()
c = gc.get_count()[0]
ri2 = weakref.ref(o)
n = gc.get_count()[0]
print('same ref again', n - c)

gc.collect()
c = gc.get_count()[0]
rc = weakref.ref(o, lambda r: None)
n = gc.get_count()[0]
print('ref with callback', n - c)
