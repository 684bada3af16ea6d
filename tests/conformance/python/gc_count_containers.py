# Displays, comprehensions and constructors of the built-in containers.
import gc

gc.disable()

gc.collect()
c = gc.get_count()[0]
l = []
n = gc.get_count()[0]
print('[]', n - c)

gc.collect()
c = gc.get_count()[0]
l2 = [1, 2, 3]
n = gc.get_count()[0]
print('[1, 2, 3]', n - c)

gc.collect()
c = gc.get_count()[0]
d = {}
n = gc.get_count()[0]
print('{}', n - c)

gc.collect()
c = gc.get_count()[0]
d2 = {'a': 1}
n = gc.get_count()[0]
print("{'a': 1}", n - c)

gc.collect()
c = gc.get_count()[0]
s = {1, 2}
n = gc.get_count()[0]
print('{1, 2}', n - c)

gc.collect()
c = gc.get_count()[0]
t = (l, l)
n = gc.get_count()[0]
print('(l, l)', n - c)

gc.collect()
c = gc.get_count()[0]
l3 = list()
n = gc.get_count()[0]
print('list()', n - c)

gc.collect()
c = gc.get_count()[0]
l4 = list(t)
n = gc.get_count()[0]
print('list(t)', n - c)

gc.collect()
c = gc.get_count()[0]
d3 = dict()
n = gc.get_count()[0]
print('dict()', n - c)

gc.collect()
c = gc.get_count()[0]
d4 = dict(a=1)
n = gc.get_count()[0]
print('dict(a=1)', n - c)

gc.collect()
c = gc.get_count()[0]
t2 = tuple(l2)
n = gc.get_count()[0]
print('tuple(l2)', n - c)

gc.collect()
c = gc.get_count()[0]
s2 = set()
n = gc.get_count()[0]
print('set()', n - c)

gc.collect()
c = gc.get_count()[0]
f = frozenset(l2)
n = gc.get_count()[0]
print('frozenset', n - c)

gc.collect()
c = gc.get_count()[0]
lc = [x for x in range(3)]
n = gc.get_count()[0]
print('listcomp', n - c)

gc.collect()
c = gc.get_count()[0]
dc = {x: x for x in range(3)}
n = gc.get_count()[0]
print('dictcomp', n - c)

gc.collect()
c = gc.get_count()[0]
gs = sum(x for x in range(3))
n = gc.get_count()[0]
print('genexp sum', n - c)
