import sys

def f(*args, **kwargs):
    return sys.getrefcount(args[0]), sys.getrefcount(kwargs["k"])

x = [1]
y = [2]
print(f(x, k=y))
print(sys.getrefcount(x), sys.getrefcount(y))
