import sys

x = [1, 2]
print(sys.getrefcount(x))
holder = [x, x, x]
print(sys.getrefcount(x))
d = {"a": x, "b": x}
print(sys.getrefcount(x))
t = (x,)
print(sys.getrefcount(x))
holder.clear()
print(sys.getrefcount(x))
del d["a"]
print(sys.getrefcount(x))
del t
print(sys.getrefcount(x))
