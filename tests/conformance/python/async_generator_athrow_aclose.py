import asyncio


async def resilient():
    while True:
        try:
            yield "value"
        except ValueError as e:
            print("handled", e)
            yield "after error"
        except GeneratorExit:
            print("closing")
            raise


async def main():
    ag = resilient()
    print(await ag.__anext__())
    print(await ag.athrow(ValueError("bad")))
    print(await ag.asend(None))
    await ag.aclose()
    try:
        await ag.__anext__()
    except StopAsyncIteration:
        print("exhausted")

    async def ignores():
        try:
            yield 1
        except GeneratorExit:
            yield 2

    bad = ignores()
    await bad.__anext__()
    try:
        await bad.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)

    async def raises_stop():
        yield 1
        raise StopAsyncIteration

    try:
        async for _ in raises_stop():
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
