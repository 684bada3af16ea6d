import asyncio


async def chatter(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)


async def main():
    tasks = [asyncio.create_task(chatter(x, 3)) for x in "xyz"]
    print("before await")
    await asyncio.sleep(0)
    print("after one yield")
    for t in tasks:
        await t
    print("all done")


asyncio.run(main())
