import asyncio


async def main():
    try:
        async with asyncio.timeout(0.2) as cm:
            print("expired?", cm.expired())
            await asyncio.sleep(1)
    except TimeoutError:
        print("block timed out, expired:", cm.expired())
    async with asyncio.timeout(1) as cm2:
        await asyncio.sleep(0.1)
    print("in time, expired:", cm2.expired())
    async with asyncio.timeout(None) as cm3:
        cm3.reschedule(asyncio.get_running_loop().time() + 0.05)
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("inner saw cancel")
            raise
    print("unreachable")


try:
    asyncio.run(main())
except TimeoutError:
    print("outer TimeoutError")
