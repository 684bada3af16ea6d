import sys

a = [1]
b = [2]
a, b = b, a
print(sys.getrefcount(a), sys.getrefcount(b))
x = y = z = a
print(sys.getrefcount(a))
x, y = [b, b]
print(sys.getrefcount(a), sys.getrefcount(b))
