import sys

def gen(obj):
    yield 1
    yield 2

data = [1]
print(sys.getrefcount(data))
g = gen(data)
print(sys.getrefcount(data))
next(g)
print(sys.getrefcount(data))
list(g)
print(sys.getrefcount(data))
