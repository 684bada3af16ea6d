import asyncio


async def countdown(n, delay):
    try:
        while n > 0:
            await asyncio.sleep(delay)
            yield n
            n -= 1
    finally:
        print("countdown finally")


async def evens(agen):
    async for x in agen:
        if x % 2 == 0:
            yield x


async def main():
    async for v in countdown(3, 0.1):
        print("got", v)
    print([x async for x in evens(countdown(6, 0.01))])
    agen = countdown(10, 0.01)
    async for v in agen:
        if v == 8:
            break
    await agen.aclose()
    print("closed after break")
    gen_exp = (x * 2 async for x in countdown(2, 0))
    print(type(gen_exp).__name__, [y async for y in gen_exp])


asyncio.run(main())
