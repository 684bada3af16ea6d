import sys

def one(a):
    return sys.getrefcount(a)

def two(a, b):
    return sys.getrefcount(a)

def nested(a):
    return one(a)

x = [1, 2, 3]
print(one(x))
print(two(x, x))
print(nested(x))
print(sys.getrefcount(x))
