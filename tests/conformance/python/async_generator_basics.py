import sys


class Pause:
    def __await__(self):
        got = yield "to-loop"
        return got


async def ticker(n):
    for i in range(n):
        x = await Pause()
        yield i * 10 + (x or 0)


def drive(aw, sends=()):
    sends = list(sends)
    try:
        v = aw.send(None)
        while True:
            print("  passed up:", v)
            v = aw.send(sends.pop(0) if sends else None)
    except StopIteration as e:
        return e.value
    except StopAsyncIteration:
        return "StopAsyncIteration"


ag = ticker(2)
print(type(ag).__name__, repr(ag).startswith("<async_generator object ticker at 0x"))
print(ag.__aiter__() is ag, ag.ag_running)
print(drive(ag.__anext__(), [1]))
print(drive(ag.asend(None), [2]))
print(drive(ag.__anext__()))
print(type(ag.__anext__()).__name__, type(ag.athrow(ValueError)).__name__)
aw = ag.__anext__()
print(drive(aw))
try:
    aw.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
