import weakref

class Obj:
    pass

a = Obj()
r1 = weakref.ref(a)
r2 = weakref.ref(a, lambda r: None)
print(r1 == r2, r1 is r2)
b = Obj()
print(r1 == weakref.ref(b))
d = {r1: "x"}
print(d[r2])
