import weakref

class Obj:
    pass

o = Obj()
refs = [weakref.ref(o, lambda r, i=i: print("callback", i)) for i in range(3)]
print("dropping")
del o
print("dropped")
