# Iterator objects are GC objects; zip and map also keep a tuple of iterators.
import gc

gc.disable()

gc.collect()
c = gc.get_count()[0]
it = iter([1])
n = gc.get_count()[0]
print('iter', n - c)

gc.collect()
c = gc.get_count()[0]
next(it)
n = gc.get_count()[0]
print('next', n - c)

gc.collect()
c = gc.get_count()[0]
mo = map(str, [1])
n = gc.get_count()[0]
print('map', n - c)

gc.collect()
c = gc.get_count()[0]
del mo
n = gc.get_count()[0]
print('drop map', n - c)

gc.collect()
c = gc.get_count()[0]
lm = list(map(str, [1]))
n = gc.get_count()[0]
print('list(map)', n - c)

gc.collect()
c = gc.get_count()[0]
zo = zip([1], [2])
n = gc.get_count()[0]
print('zip', n - c)

gc.collect()
c = gc.get_count()[0]
lz = list(zip([1], [2]))
n = gc.get_count()[0]
print('list(zip)', n - c)

gc.collect()
c = gc.get_count()[0]
fo = filter(None, [1])
n = gc.get_count()[0]
print('filter', n - c)

gc.collect()
c = gc.get_count()[0]
rv = list(reversed([1, 2]))
n = gc.get_count()[0]
print('reversed', n - c)

gc.collect()
c = gc.get_count()[0]
for x in [1, 2]:
    pass
n = gc.get_count()[0]
print('for over list', n - c)

gc.collect()
c = gc.get_count()[0]
for x in {'a': 1}:
    pass
n = gc.get_count()[0]
print('for over dict', n - c)

gc.collect()
c = gc.get_count()[0]
for k, v in {'a': 1}.items():
    pass
n = gc.get_count()[0]
print('items', n - c)

gc.collect()
c = gc.get_count()[0]
for i, x in enumerate([1, 2]):
    pass
n = gc.get_count()[0]
print('for enumerate', n - c)
