import gc

gc.collect()
print(gc.get_count())
gc.collect(0)
print(gc.get_count())
gc.collect(0)
print(gc.get_count())
gc.collect(1)
print(gc.get_count())
gc.collect()
print(gc.get_count())
