import tracemalloc

print(tracemalloc.get_traceback_limit())
tracemalloc.start(5)
print(tracemalloc.get_traceback_limit())
snap = tracemalloc.take_snapshot()
print(type(snap).__name__, snap.traceback_limit)
tracemalloc.stop()
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print(e)
