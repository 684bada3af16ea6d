import gc
import weakref

class Node:
    pass

gc.collect()
gc.disable()
n = Node()
n.self = n
r = weakref.ref(n)
del n
for _ in range(2000):
    t = []
    t.append(t)
print(r() is not None)
gc.enable()
gc.collect()
print(r() is None)
