import asyncio
import gc


async def bad():
    raise ValueError("nobody looks at me")


async def main():
    t = asyncio.create_task(bad())
    await asyncio.sleep(0.1)
    print("task done:", t.done())
    del t
    gc.collect()
    print("main ends")


asyncio.run(main())
print("after run")
