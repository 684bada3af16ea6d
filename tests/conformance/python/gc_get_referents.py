import gc

a = [1, "two"]
b = {"k": a}
print(gc.get_referents(a))
print(gc.get_referents(b))
print(gc.get_referents((a, 3)) == [a, 3])
print(len(gc.get_referents(a, b)))
