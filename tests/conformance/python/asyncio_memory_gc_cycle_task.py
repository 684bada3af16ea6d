import asyncio
import gc


class Payload:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("Payload del", self.name)


async def hold(p, fut):
    p.task = asyncio.current_task()
    await fut


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = asyncio.create_task(hold(Payload("cyc"), fut))
    await asyncio.sleep(0)
    fut.set_result(None)
    await t
    del t
    print("task finished, collecting")
    print("unreachable found:", gc.collect() > 0)
    print("main done")


gc.disable()
asyncio.run(main())
