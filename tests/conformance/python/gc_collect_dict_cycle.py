import gc

gc.collect()
d = {"a": 1}
d["self"] = d
print(d)
del d
print(gc.collect())
