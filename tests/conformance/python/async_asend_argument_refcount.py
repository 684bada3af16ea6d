import sys, asyncio, gc
async def ag():
    while True:
        x = yield 1
async def main():
    g = ag()
    o = object()
    await g.asend(None)
    before = sys.getrefcount(o)
    for _ in range(5):
        await g.asend(o)
    print(sys.getrefcount(o) - before)
    try:
        g2 = ag()
        await g2.asend(o)
    except Exception as e:
        print(type(e).__name__, e)
    print(sys.getrefcount(o) - before)
    await g.aclose()
asyncio.run(main())
