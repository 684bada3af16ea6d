import gc
import weakref

class Node:
    pass

def on_dead(r):
    print("weakref callback")

gc.collect()
a = Node()
b = Node()
a.b = b
b.a = a
r = weakref.ref(a, on_dead)
del a, b
print("before collect")
print(gc.collect())
print(r())
