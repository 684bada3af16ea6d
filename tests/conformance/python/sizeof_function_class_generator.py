import sys

def f():
    pass

class C:
    pass

def gen():
    yield 1

print(sys.getsizeof(f))
print(sys.getsizeof(C))
print(sys.getsizeof(gen()))
print(sys.getsizeof(lambda: 0))
