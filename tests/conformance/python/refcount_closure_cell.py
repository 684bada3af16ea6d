import sys

def outer():
    data = [1, 2, 3]
    def inner():
        return data
    print(sys.getrefcount(data))
    return inner

f = outer()
print(sys.getrefcount(f()))
g = outer()
print(sys.getrefcount(f()), sys.getrefcount(g()))
