import gc

d = {}
print(gc.is_tracked(d))
d["a"] = 1
print(gc.is_tracked(d))
d["b"] = [1]
print(gc.is_tracked(d))
t = tuple([1, 2])
print(gc.is_tracked(t))
gc.collect()
print(gc.is_tracked(t))
t2 = tuple([1, []])
gc.collect()
print(gc.is_tracked(t2))
