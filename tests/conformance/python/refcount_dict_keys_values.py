import sys

class Key:
    pass

k = Key()
v = [1]
print(sys.getrefcount(k), sys.getrefcount(v))
d = {k: v}
print(sys.getrefcount(k), sys.getrefcount(v))
d2 = {k: v, "x": v}
print(sys.getrefcount(k), sys.getrefcount(v))
d.clear()
print(sys.getrefcount(k), sys.getrefcount(v))
