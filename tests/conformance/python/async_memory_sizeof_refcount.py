import sys


async def small():
    return 1


async def locals_(a, b, c):
    x = a + b
    y = x * c
    return y


s = small()
l = locals_(1, 2, 3)
print(sys.getsizeof(s), sys.getsizeof(l))
print(sys.getrefcount(s))
holder = [s, s]
print(sys.getrefcount(s))
del holder
print(sys.getrefcount(s))
t = locals_
print(sys.getrefcount(t) > 1)
for c in (s, l):
    try:
        c.send(None)
    except StopIteration as e:
        print("value", e.value)
print(sys.getsizeof(s), sys.getsizeof(l))
