import tracemalloc

tracemalloc.start()
before, _ = tracemalloc.get_traced_memory()
data = [bytes(1000) for _ in range(100)]
after, peak = tracemalloc.get_traced_memory()
print(after - before >= 100 * 1000, peak >= after)
del data
freed, peak2 = tracemalloc.get_traced_memory()
print(freed < after, peak2 >= after)
tracemalloc.stop()
print(tracemalloc.get_traced_memory())
