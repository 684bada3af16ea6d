import sys

x = [0]
print(sys.getrefcount(x))
t = (x, x)
print(sys.getrefcount(x))
u = t
print(sys.getrefcount(x))
del t
print(sys.getrefcount(x))
del u
print(sys.getrefcount(x))
