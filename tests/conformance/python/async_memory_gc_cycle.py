import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


class Pause:
    def __await__(self):
        yield


async def holder(node):
    try:
        await Pause()
    finally:
        print("finally in", node.name)


gc.disable()
n = Node("a")
c = holder(n)
c.send(None)
n.coro = c
r = weakref.ref(c)
del n, c
print("alive before collect:", r() is not None)
print("collected", gc.collect() > 0)
print("alive after collect:", r() is not None)
n2 = Node("b")
c2 = holder(n2)
c2.send(None)
del n2
print("dropping c2")
del c2
print("end")
