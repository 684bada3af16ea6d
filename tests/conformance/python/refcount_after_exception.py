import sys

x = [1, 2]
print(sys.getrefcount(x))
try:
    raise ValueError(x)
except ValueError as e:
    print(sys.getrefcount(x))
print(sys.getrefcount(x))
