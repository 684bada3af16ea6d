import gc

target = []
holder1 = [target]
holder2 = {"t": target}
refs = gc.get_referrers(target)
print(len(refs))
print(any(r is holder1 for r in refs), any(r is holder2 for r in refs))
