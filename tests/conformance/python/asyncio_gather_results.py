import asyncio


async def square(x, delay):
    await asyncio.sleep(delay)
    print("square", x)
    return x * x


async def boom(msg):
    await asyncio.sleep(0.1)
    raise ValueError(msg)


async def main():
    print(await asyncio.gather(square(1, 0.3), square(2, 0.1), square(3, 0.2)))
    print(await asyncio.gather())
    res = await asyncio.gather(square(4, 0), boom("bad"), return_exceptions=True)
    print(res[0], type(res[1]).__name__, res[1])
    try:
        await asyncio.gather(boom("first"), square(5, 0.2))
    except ValueError as e:
        print("gather raised", e)
    await asyncio.sleep(0.5)


asyncio.run(main())
