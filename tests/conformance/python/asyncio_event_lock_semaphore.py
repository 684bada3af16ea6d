import asyncio


async def waiter(ev, name):
    print(name, "waiting")
    await ev.wait()
    print(name, "released")


async def locked_section(lock, name):
    async with lock:
        print(name, "enter", lock.locked())
        await asyncio.sleep(0.1)
        print(name, "leave")


async def limited(sem, name, active):
    async with sem:
        active.append(name)
        print(name, "running with", len(active))
        await asyncio.sleep(0.1)
        active.remove(name)


async def main():
    ev = asyncio.Event()
    ws = [asyncio.create_task(waiter(ev, f"w{i}")) for i in range(2)]
    await asyncio.sleep(0.1)
    print("set", ev.is_set())
    ev.set()
    await asyncio.gather(*ws)
    lock = asyncio.Lock()
    await asyncio.gather(*(locked_section(lock, f"L{i}") for i in range(3)))
    print("lock free", not lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    sem = asyncio.Semaphore(2)
    active = []
    await asyncio.gather(*(limited(sem, f"S{i}", active) for i in range(4)))
    b = asyncio.BoundedSemaphore(1)
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
