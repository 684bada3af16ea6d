import asyncio


async def job(n, delay):
    await asyncio.sleep(delay)
    if n == 3:
        raise RuntimeError("job 3 failed")
    return n


async def main():
    tasks = [asyncio.create_task(job(i, d)) for i, d in [(1, 0.3), (2, 0.1), (3, 0.2)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending), [t.result() for t in done])
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending), sorted(type(t.exception()).__name__ for t in done))
    done, pending = await asyncio.wait(tasks, timeout=0.05)
    print(len(done), len(pending))
    done, pending = await asyncio.wait(tasks)
    print(len(done), len(pending))
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
