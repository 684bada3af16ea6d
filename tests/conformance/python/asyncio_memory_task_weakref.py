import asyncio
import gc
import weakref


async def work():
    await asyncio.sleep(0.1)
    return "w"


async def main():
    t = asyncio.create_task(work())
    r = weakref.ref(t)
    print("alive", r() is t)
    await t
    print("result", t.result())
    del t
    print("after del", r() is None)
    t2 = asyncio.create_task(work())
    r2 = weakref.ref(t2, lambda ref: print("callback: task collected"))
    del t2
    print("still scheduled", r2() is not None)
    await asyncio.sleep(0.2)
    gc.collect()
    print("finished", r2() is None)


asyncio.run(main())
