import gc
import sys
import weakref


async def agen(n):
    buf = [0] * n
    for i in range(n):
        yield i


class Token:
    def __del__(self):
        print("Token finalized")


async def holds(tok):
    try:
        yield 1
    finally:
        print("agen finally ran")


a = agen(3)
print(sys.getsizeof(a), sys.getrefcount(a))
aw = a.__anext__()
print(sys.getrefcount(a))
del aw
print(sys.getrefcount(a))
h = holds(Token())
step = h.__anext__()
try:
    step.send(None)
except StopIteration as e:
    print("yielded", e.value)
del step
r = weakref.ref(h)
del h
print("dead:", r() is None)
gc.collect()
print("end")
