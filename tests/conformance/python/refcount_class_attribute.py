import sys

shared = [1, 2]

class A:
    items = shared

class B(A):
    pass

print(sys.getrefcount(shared))
a = A()
b = B()
print(sys.getrefcount(shared))
print(a.items is b.items is shared)
A.items = None
print(sys.getrefcount(shared))
