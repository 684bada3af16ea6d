import asyncio
import time


async def worker(name, delay, times):
    for i in range(times):
        await asyncio.sleep(delay)
        print(f"{name} step {i}")
    return name


async def main():
    start = time.monotonic()
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    a = asyncio.create_task(worker("A", 0.3, 3))
    b = asyncio.create_task(worker("B", 0.5, 2))
    print("created")
    print(await a, await b)
    print("elapsed", round(time.monotonic() - start, 1), round(loop.time() - t0, 1))
    return 42


print(asyncio.run(main()))
