import gc

gc.collect()
l = []
l.append(l)
print(l)
del l
print(gc.collect())
print(gc.collect())
