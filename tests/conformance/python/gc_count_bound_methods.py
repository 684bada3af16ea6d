# Bound methods of Python functions are GC objects; calls through LOAD_METHOD
# make none.
import gc

gc.disable()

class K:
    def m(self, x=0):
        return x

    @staticmethod
    def sm():
        return 1

    @classmethod
    def cm(cls):
        return 2


k = K()

gc.collect()
c = gc.get_count()[0]
k.m()
n = gc.get_count()[0]
print('method call', n - c)

gc.collect()
c = gc.get_count()[0]
bm = k.m
n = gc.get_count()[0]
print('bound method', n - c)

gc.collect()
c = gc.get_count()[0]
bm(1)
n = gc.get_count()[0]
print('call bound', n - c)

gc.collect()
c = gc.get_count()[0]
del bm
n = gc.get_count()[0]
print('drop bound', n - c)

gc.collect()
c = gc.get_count()[0]
K.sm()
n = gc.get_count()[0]
print('staticmethod call', n - c)

gc.collect()
c = gc.get_count()[0]
K.cm()
n = gc.get_count()[0]
print('classmethod call', n - c)

gc.collect()
c = gc.get_count()[0]
ap = [].append
n = gc.get_count()[0]
print('builtin bound', n - c)

gc.collect()
c = gc.get_count()[0]
[].append(1)
n = gc.get_count()[0]
print('list method call', n - c)
