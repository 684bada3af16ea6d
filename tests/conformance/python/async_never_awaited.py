import gc


async def job(n):
    print("job", n, "ran")
    return n


job(1)
c = job(2)
del c
pending = [job(3), job(4)]
pending.clear()
started = job(5)
try:
    started.send(None)
except StopIteration as e:
    print("awaited", e.value)
del started
gc.collect()
print("end")
