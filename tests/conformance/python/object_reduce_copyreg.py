# object.__reduce_ex__ / __reduce__ / __getstate__ through copyreg (protocols 0-4,
# __getnewargs__, __getnewargs_ex__, slots), copyreg.pickle used by copy, extensions.
import copy, copyreg
class P:
    def __init__(self): self.x = [1]; self.y = "s"
p = P()
r = p.__reduce_ex__(2)
print(r[0] is copyreg.__newobj__, r[1] == (P,), r[2] is p.__dict__, r[3], r[4])
r = p.__reduce_ex__(4); print(len(r), r[1][0] is P)
r = p.__reduce_ex__(1); print(r[0] is copyreg._reconstructor, r[1] == (P, object, None), r[2] is p.__dict__)
r = p.__reduce__(); print(r[0].__name__, r[1][1], len(r))
class E: pass
print(E().__reduce_ex__(2)[2], len(E().__reduce__()), object().__reduce_ex__(2)[1])
class S:
    __slots__ = ("a", "b")
    def __init__(self): self.a = 1
print(S().__reduce_ex__(2)[2], S().__getstate__())
try: S().__reduce_ex__(0)
except TypeError as e: print("TypeError:", e)
class N:
    def __init__(self, v): self.v = v
    def __getnewargs__(self): return (self.v,)
    def __getstate__(self): return {"v2": self.v}
print(N(5).__reduce_ex__(2)[1][1:], N(5).__reduce_ex__(2)[2])
class K:
    def __new__(cls, *, k): o = object.__new__(cls); o.k = k; return o
    def __getnewargs_ex__(self): return ((), {"k": self.k})
r = K(k=2).__reduce_ex__(2); print(r[0] is copyreg.__newobj_ex__, r[1][1:], r[2])
print(copy.copy(K(k=9)).k, copy.deepcopy(N(4)).__dict__)
class R:
    def __reduce__(self): return (R, ())
print(R().__reduce_ex__(2)[0] is R)
class Point:
    def __init__(self, x): self.x = x
copyreg.pickle(Point, lambda p: (Point, (p.x * 10,)))
print(copy.copy(Point(2)).x, copy.deepcopy(Point(3)).x)
try: copyreg.pickle(Point, 5)
except TypeError as e: print(e)
print(copyreg.__newobj__(P, ).__class__ is P, copyreg._reconstructor(P, object, None).__class__.__name__)
copyreg.add_extension("m", "n", 240); print(copyreg._extension_registry)
try: copyreg.add_extension("m", "o", 240)
except ValueError as e: print(e)
copyreg.remove_extension("m", "n", 240); print(copyreg._inverted_registry)
