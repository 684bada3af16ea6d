import sys

x = []
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
z = y
print(sys.getrefcount(x))
del y
print(sys.getrefcount(x))
del z
print(sys.getrefcount(x))
