import gc

gc.collect()
gc.set_threshold(5, 2, 2)
print(gc.get_threshold())


def report(phase, info):
    print(phase, info["generation"], info["collected"], info["uncollectable"])


gc.callbacks.append(report)


class Node:
    def __init__(self):
        self.me = self


for _ in range(3):
    Node()
print("explicit:", gc.collect())
gc.callbacks.remove(report)
stats = gc.get_stats()
print(len(stats), sorted(stats[0].keys()))
