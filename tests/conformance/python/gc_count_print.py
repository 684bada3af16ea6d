# print packs its values into a tuple; sys.stdout queues chunks in a list.
import gc

gc.disable()

gc.collect()
c = gc.get_count()[0]
print('hi')
n = gc.get_count()[0]
print('print str', n - c)

gc.collect()
c = gc.get_count()[0]
print(1)
n = gc.get_count()[0]
print('print int', n - c)

gc.collect()
c = gc.get_count()[0]
print('a', 2)
n = gc.get_count()[0]
print('print two', n - c)

gc.collect()
c = gc.get_count()[0]
print('a', 'b', sep='-')
n = gc.get_count()[0]
print('print sep', n - c)

gc.collect()
c = gc.get_count()[0]
print('a', end='')
n = gc.get_count()[0]
print('print end', n - c)

gc.collect()
c = gc.get_count()[0]
print()
n = gc.get_count()[0]
print('print nothing', n - c)

gc.collect()
c = gc.get_count()[0]
print([1, 2])
n = gc.get_count()[0]
print('print list', n - c)

gc.collect()
c = gc.get_count()[0]
print({'a': 1})
n = gc.get_count()[0]
print('print dict', n - c)

gc.collect()
c = gc.get_count()[0]
print((1, 2))
n = gc.get_count()[0]
print('print tuple', n - c)

gc.collect()
c = gc.get_count()[0]
print('x', flush=True)
n = gc.get_count()[0]
print('print flush', n - c)
