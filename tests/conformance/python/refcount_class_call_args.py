# Reference counts inside a class call: the argument tuple and keyword dict the call
# builds, star calls that pass their tuple as it is, __new__, a metaclass __call__.
import sys

class P:
    def __init__(self, x):
        print(sys.getrefcount(x) - 1)
        self.x = x
        print(sys.getrefcount(x) - 1)

def f(x):
    print(sys.getrefcount(x) - 1)

p = P([7])
q = P(*[[8]])
a = [9]
r = P(a)
f([1])
f(a)
def g(*args):
    print(sys.getrefcount(args[0]) - 1)
g([2])
print(sys.getrefcount(p.x) - 1, sys.getrefcount(a) - 1)
class P2:
    def __init__(self, x, y=None):
        print(sys.getrefcount(x) - 1)
class Q:
    def __new__(cls, x):
        print('new', sys.getrefcount(x) - 1)
        return super().__new__(cls)
    def __init__(self, x):
        print('init', sys.getrefcount(x) - 1)
P2(x=[7])
P2([7], y=1)
P2(*([8],))
t = ([8],)
P2(*t)
P2(**{'x': [5]})
Q([6])
class M(type):
    def __call__(cls, *a):
        print('meta', sys.getrefcount(a[0]) - 1)
        return super().__call__(*a)
class R(metaclass=M):
    def __init__(self, x):
        print('R', sys.getrefcount(x) - 1)
R([4])
class S:
    def __init__(self, x, k=None):
        print('self', sys.getrefcount(self) - 1)
S(1)
S(1, k=2)
s = S(1)
print(sys.getrefcount(s) - 1)
