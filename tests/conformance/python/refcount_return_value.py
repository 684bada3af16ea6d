import sys

def make():
    return [1, 2]

print(sys.getrefcount(make()))
a = make()
print(sys.getrefcount(a))

def passthrough(x):
    return x

b = passthrough(a)
print(sys.getrefcount(a))
