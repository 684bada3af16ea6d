import gc

stats = gc.get_stats()
print(len(stats))
print(sorted(stats[0].keys()))
print(all(isinstance(s["collections"], int) for s in stats))
