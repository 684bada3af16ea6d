import tracemalloc

print(tracemalloc.is_tracing())
tracemalloc.start()
print(tracemalloc.is_tracing())
tracemalloc.stop()
print(tracemalloc.is_tracing())
print(tracemalloc.get_traced_memory())
