import gc

log = []

def cb(phase, info):
    log.append((phase, sorted(info)))

gc.callbacks.append(cb)
gc.collect(1)
gc.callbacks.remove(cb)
for entry in log:
    print(entry)
