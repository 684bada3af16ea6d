import gc

gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
l = []
l.append(l)
del l
print(gc.collect())
print(len(gc.garbage), gc.garbage[0] is gc.garbage[0][0])
gc.set_debug(0)
gc.garbage.clear()
print(gc.get_debug())
