import asyncio
import sys


class Res:
    def __init__(self, name):
        self.name = name
        print("open", name)

    def __del__(self):
        print("finalized", self.name)


async def uses(name, delay):
    r = Res(name)
    await asyncio.sleep(delay)
    print("used", r.name)
    return len(name)


async def main():
    a = asyncio.create_task(uses("a", 0.1))
    b = asyncio.create_task(uses("bb", 0.2))
    await a
    print("a awaited")
    await asyncio.sleep(0.3)
    print("b done:", b.done(), b.result())
    print("refs to b:", sys.getrefcount(b))
    del a, b
    print("end of main")


asyncio.run(main())
print("after run")
