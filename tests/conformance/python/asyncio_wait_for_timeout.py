import asyncio


async def slow(x):
    try:
        await asyncio.sleep(5)
        return x
    except asyncio.CancelledError:
        print("slow cancelled")
        raise


async def fast(x):
    await asyncio.sleep(0.1)
    return x


async def main():
    start = asyncio.get_running_loop().time()
    print(await asyncio.wait_for(fast("quick"), timeout=1))
    try:
        await asyncio.wait_for(slow("late"), timeout=0.5)
    except asyncio.TimeoutError as e:
        print("timed out", type(e).__name__, asyncio.TimeoutError is TimeoutError)
    print(await asyncio.wait_for(fast("none"), None))
    loop = asyncio.get_running_loop()
    print(round(loop.time() - start, 1))


asyncio.run(main())
