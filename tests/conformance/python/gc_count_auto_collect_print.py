# When automatic collections run depends on every GC allocation: here the callbacks'
# own prints, class creation and instances with arguments.
import gc

gc.collect()
gc.set_threshold(8, 2, 2)
events = []


def on_gc(phase, info):
    if phase == "start":
        events.append((info["generation"], len(events)))
        print("collecting generation", info["generation"])


gc.callbacks.append(on_gc)


class Pair:
    def __init__(self, a, b):
        self.a = a
        self.b = b


pairs = []
for i in range(12):
    pairs.append(Pair(i, [i]))
    print("made", i)
gc.callbacks.remove(on_gc)
print(events)
