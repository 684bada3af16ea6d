import gc

events = []

def cb(phase, info):
    if phase == "start":
        events.append(info["generation"])

gc.collect()
gc.callbacks.append(cb)
keep = []
for i in range(2500):
    keep.append([])
gc.callbacks.remove(cb)
print(events)
