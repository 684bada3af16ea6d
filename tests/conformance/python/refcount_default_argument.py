import sys

default = []

def f(x=default):
    return x

print(sys.getrefcount(default))
def g(x=default, y=default):
    return x

print(sys.getrefcount(default))
del f
print(sys.getrefcount(default))
