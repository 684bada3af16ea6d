import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} after {delay}"


async def main():
    coros = [fetch("a", 0.3), fetch("b", 0.1), fetch("c", 0.2)]
    for fut in asyncio.as_completed(coros):
        print(await fut)
    try:
        for fut in asyncio.as_completed([fetch("slow", 2)], timeout=0.5):
            print(await fut)
    except TimeoutError:
        print("as_completed timed out")


asyncio.run(main())
