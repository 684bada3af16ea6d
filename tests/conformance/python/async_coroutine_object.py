import sys
import types


async def add(a, b):
    return a + b


c = add(1, 2)
print(type(c).__name__, type(c) is types.CoroutineType)
print(repr(c).startswith("<coroutine object add at 0x"))
print(c.__name__, c.__qualname__, c.cr_running, c.cr_await, c.cr_origin)
print(c.cr_frame is not None, c.cr_suspended)
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)
print(c.cr_frame)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
d = add(3, 4)
try:
    d.send(5)
except TypeError as e:
    print("TypeError:", e)
d.close()
print(d.cr_frame)
try:
    for x in add(1, 1):
        pass
except TypeError as e:
    print("TypeError:", e)
