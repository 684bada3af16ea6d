import collections.abc
import types
import asyncio


async def co():
    pass


def plain():
    pass


c = co()
print(isinstance(c, collections.abc.Coroutine), isinstance(c, collections.abc.Awaitable))
print(asyncio.iscoroutine(c), asyncio.iscoroutine(plain))
print(asyncio.iscoroutinefunction(co), asyncio.iscoroutinefunction(plain))
print(bool(co.__code__.co_flags & 0x80), bool(plain.__code__.co_flags & 0x80))
print(type(c) is types.CoroutineType)
c.close()


class Aw:
    def __await__(self):
        return iter([])


print(isinstance(Aw(), collections.abc.Awaitable))
