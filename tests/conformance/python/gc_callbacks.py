import gc

def cb(phase, info):
    print(phase, info["generation"], info["collected"], info["uncollectable"])

gc.collect()
gc.callbacks.append(cb)
l = []
l.append(l)
del l
gc.collect()
gc.callbacks.remove(cb)
print(gc.collect())
