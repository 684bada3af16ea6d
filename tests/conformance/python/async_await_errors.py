class NotIter:
    def __await__(self):
        return 42


class Bad:
    pass


async def use(x):
    return await x


for obj in (Bad(), 5, NotIter()):
    c = use(obj)
    try:
        c.send(None)
    except TypeError as e:
        print("TypeError:", e)


async def stop():
    raise StopIteration(3)


try:
    stop().send(None)
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)


async def twice(c):
    await c


async def sub():
    return 1


s = sub()
first = twice(s)
try:
    first.send(None)
except StopIteration:
    print("first await done")
try:
    twice(s).send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
