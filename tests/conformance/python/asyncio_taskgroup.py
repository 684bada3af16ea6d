import asyncio


async def ok(n):
    await asyncio.sleep(0.1 * n)
    print("ok", n)
    return n


async def fails():
    await asyncio.sleep(0.15)
    raise ValueError("group member failed")


async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(ok(1))
        t2 = tg.create_task(ok(2))
    print("results", t1.result(), t2.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok(1))
            tg.create_task(ok(3))
            tg.create_task(fails())
    except* ValueError as eg:
        print("caught", [str(e) for e in eg.exceptions])


asyncio.run(main())
