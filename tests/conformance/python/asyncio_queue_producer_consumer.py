import asyncio


async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print("put", i, "size", q.qsize())
    await q.put(None)


async def consumer(q, name):
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            print(name, "stops")
            return
        await asyncio.sleep(0.1)
        print(name, "got", item)
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    print(q.empty(), q.full(), q.maxsize)
    await asyncio.gather(producer(q, 4), consumer(q, "c1"))
    await q.join()
    print(str(q))
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    pq = asyncio.PriorityQueue()
    for x in (5, 1, 3):
        pq.put_nowait(x)
    print([pq.get_nowait() for _ in range(3)])
    lq = asyncio.LifoQueue()
    for x in "abc":
        await lq.put(x)
    print([await lq.get() for _ in range(3)])


asyncio.run(main())
