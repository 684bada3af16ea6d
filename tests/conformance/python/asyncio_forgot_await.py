import asyncio


async def save(x):
    print("saving", x)
    return x


async def main():
    save(1)
    result = await save(2)
    print("result", result)
    pending = save(3)
    print(asyncio.iscoroutine(pending))
    await pending


asyncio.run(main())
