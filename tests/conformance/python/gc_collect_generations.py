import gc

gc.collect()
l = []
l.append(l)
del l
print(gc.collect(0))
l = []
l.append(l)
del l
print(gc.collect(1))
l = []
l.append(l)
del l
print(gc.collect(2))
print(gc.collect())
