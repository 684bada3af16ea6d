import weakref, copy, sys
for b in (list,dict,int,str,tuple,set,bytes,float,Exception,type,object,frozenset,bytearray,complex):
    class C(b): pass
    print(b.__name__, [k for k in C.__dict__ if k in ('__dict__','__weakref__')])
    if b is not type:
        o = C()
        o.a = 1
        print(' ', o.__dict__, vars(o))
        try:
            r = weakref.ref(o); print('  weak ok', getattr(o, '__weakref__', 'no attr') is r)
        except TypeError as e:
            print('  weak', e)
class L(list): pass
l = L([1]); l.x = 5
print(l.__dict__, l.x, vars(l))
class D(dict): pass
d = D(a=1)
print(d.__dict__)
d.__dict__['y'] = 2
print(d.y)
c = copy.copy(l); print(c, c.__dict__, type(c).__name__)
e = copy.deepcopy(d); print(e, e.__dict__, type(e).__name__)
print(sys.getsizeof(L()), sys.getsizeof(D()))
class E(Exception): pass
x = E(1); x.k = 2; print(x.__dict__)
b = ValueError("v")
print(b.__dict__, vars(b))
b.note = 1
print(b.__dict__, KeyError().__dict__)
class Z(complex):
    def __repr__(self):
        return f"Z{complex.__repr__(self)}"
z = Z(1, 2)
print(type(z).__name__, z, z + 1, type(z + 1).__name__, Z("3+4j"), z.real, z.imag, abs(Z(3, 4)))
import gc
gc.collect()
cyc = E("k")
cyc.me = cyc
w = weakref.ref(cyc)
del cyc
print(w() is not None, gc.collect() >= 2, w())
try:
    raise OSError(2, "gone")
except OSError as e:
    e.extra = [1]
    print(e.__dict__, e.errno, sys.getrefcount(e.extra))
plain = KeyError("k")
plain.me = plain
del plain
print(gc.collect())
