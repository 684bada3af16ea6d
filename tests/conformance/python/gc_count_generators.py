# Generator objects embed their frame (3.11): one GC object each.
import gc

gc.disable()

def gen():
    yield 1
    yield 2


gc.collect()
c = gc.get_count()[0]
g = gen()
n = gc.get_count()[0]
print('create', n - c)

gc.collect()
c = gc.get_count()[0]
next(g)
n = gc.get_count()[0]
print('next', n - c)

gc.collect()
c = gc.get_count()[0]
for x in g:
    pass
n = gc.get_count()[0]
print('exhaust', n - c)

gc.collect()
c = gc.get_count()[0]
del g
n = gc.get_count()[0]
print('drop', n - c)

gc.collect()
c = gc.get_count()[0]
gl = list(gen())
n = gc.get_count()[0]
print('list(gen())', n - c)

gc.collect()
c = gc.get_count()[0]
ge = (x for x in range(3))
n = gc.get_count()[0]
print('genexp', n - c)

gc.collect()
c = gc.get_count()[0]
s = sum(x for x in range(3))
n = gc.get_count()[0]
print('sum genexp', n - c)
