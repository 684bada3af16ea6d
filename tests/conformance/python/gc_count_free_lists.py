# Freed lists, dicts and small tuples go to CPython's free lists (no decrement);
# the next allocation of that kind comes from there (no increment). A full
# collection empties the free lists.
import gc

gc.disable()

gc.collect()
c = gc.get_count()[0]
x = [1]
del x
n = gc.get_count()[0]
print('list then free', n - c)

gc.collect()
c = gc.get_count()[0]
x = [1]
n = gc.get_count()[0]
print('list again', n - c)

gc.collect()
c = gc.get_count()[0]
y = {1: 2}
del y
n = gc.get_count()[0]
print('dict then free', n - c)

gc.collect()
c = gc.get_count()[0]
y = {1: 2}
n = gc.get_count()[0]
print('dict again', n - c)

gc.collect()
c = gc.get_count()[0]
z = (x, y)
del z
n = gc.get_count()[0]
print('tuple then free', n - c)

gc.collect()
c = gc.get_count()[0]
z = (x, y)
n = gc.get_count()[0]
print('tuple again', n - c)

gc.collect()
c = gc.get_count()[0]
w = {1}
del w
n = gc.get_count()[0]
print('set then free', n - c)

gc.collect()
c = gc.get_count()[0]
w = {1}
n = gc.get_count()[0]
print('set again', n - c)
