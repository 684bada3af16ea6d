import asyncio

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
order = []
start = loop.time()


def cb(name):
    order.append(name)
    print("callback", name, round(loop.time() - start, 1))


loop.call_later(0.2, cb, "later-0.2")
loop.call_soon(cb, "soon-1")
loop.call_at(loop.time() + 0.1, cb, "at+0.1")
h = loop.call_later(0.15, cb, "cancelled")
h.cancel()
loop.call_soon(cb, "soon-2")
fut = loop.create_future()
fut.add_done_callback(lambda f: print("future done with", f.result()))
loop.call_later(0.3, fut.set_result, "value")
print(fut.done())
print(loop.run_until_complete(fut))
print(order, h.cancelled())


async def compute():
    await asyncio.sleep(0.05)
    return "computed"


print(loop.run_until_complete(compute()))
print(loop.is_running(), loop.is_closed())
loop.close()
print(loop.is_closed())
f2 = asyncio.Future(loop=loop)
print(repr(f2))
f2.set_exception(KeyError("k"))
print(f2.done(), repr(f2.exception()))
try:
    f2.set_result(1)
except asyncio.InvalidStateError as e:
    print("InvalidStateError")
