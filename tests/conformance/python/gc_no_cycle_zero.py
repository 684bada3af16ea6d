import gc

gc.collect()
a = [1, 2, 3]
b = a
del b
del a
print(gc.collect())
x = {"k": [1]}
del x
print(gc.collect())
