import asyncio


async def step(n):
    await asyncio.sleep(0.1)
    if n == 2:
        raise LookupError(f"no step {n}")
    print("step", n)


async def main():
    for i in range(4):
        await step(i)


asyncio.run(main())
