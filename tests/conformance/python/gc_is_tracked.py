import gc

print(gc.is_tracked(1))
print(gc.is_tracked("a"))
print(gc.is_tracked([]))
print(gc.is_tracked({}))
print(gc.is_tracked({"a": 1}))
print(gc.is_tracked({"a": []}))
print(gc.is_tracked((1, 2)))
print(gc.is_tracked(object()))

class C:
    pass

print(gc.is_tracked(C()))
