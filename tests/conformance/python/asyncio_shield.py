import asyncio


async def critical():
    await asyncio.sleep(0.2)
    print("critical finished")
    return "saved"


async def main():
    inner = asyncio.create_task(critical())
    outer = asyncio.shield(inner)
    waiter = asyncio.create_task(asyncio.wait_for(outer, 0.1))
    try:
        await waiter
    except TimeoutError:
        print("wait_for timed out; inner cancelled?", inner.cancelled())
    print(await inner)


asyncio.run(main())
