import asyncio


async def long_job():
    try:
        print("job started")
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("job cancelled, cleaning up")
        raise
    finally:
        print("job finally")


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("ignoring cancel")
    return "survived"


async def main():
    t = asyncio.create_task(long_job(), name="long")
    await asyncio.sleep(0.1)
    print(t.get_name(), t.done(), t.cancelled())
    print("cancel() ->", t.cancel("stop now"))
    try:
        await t
    except asyncio.CancelledError as e:
        print("caught CancelledError", e.args)
    print(t.done(), t.cancelled(), t.cancel())
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    s.cancel()
    print(await s, s.cancelled())
    try:
        t.result()
    except asyncio.CancelledError:
        print("result() raises CancelledError")
    print(issubclass(asyncio.CancelledError, BaseException),
          issubclass(asyncio.CancelledError, Exception))


asyncio.run(main())
