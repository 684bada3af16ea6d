import asyncio


async def child(n):
    me = asyncio.current_task()
    print("child", n, me.get_name())
    await asyncio.sleep(0.1 * n)


async def main():
    print(asyncio.current_task().get_name())
    ts = [asyncio.create_task(child(i), name=f"kid-{i}") for i in range(1, 4)]
    await asyncio.sleep(0)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.sleep(0.15)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.gather(*ts)
    print(len(asyncio.all_tasks()))
    ts[0].add_done_callback(lambda t: print("late callback", t.get_name()))
    await asyncio.sleep(0)


asyncio.run(main())
try:
    asyncio.current_task()
except RuntimeError as e:
    print("RuntimeError:", e)
