# dict methods: update takes METH_VARARGS|METH_KEYWORDS.
import gc

gc.disable()

d = {'a': 1}

gc.collect()
c = gc.get_count()[0]
d.get('a')
n = gc.get_count()[0]
print('get', n - c)

gc.collect()
c = gc.get_count()[0]
d.get('z', 0)
n = gc.get_count()[0]
print('get default', n - c)

gc.collect()
c = gc.get_count()[0]
d.setdefault('b', 0)
n = gc.get_count()[0]
print('setdefault', n - c)

gc.collect()
c = gc.get_count()[0]
d.pop('b')
n = gc.get_count()[0]
print('pop', n - c)

gc.collect()
c = gc.get_count()[0]
d.update(a=2)
n = gc.get_count()[0]
print('update kw', n - c)

gc.collect()
c = gc.get_count()[0]
d.update({'a': 3})
n = gc.get_count()[0]
print('update dict', n - c)

gc.collect()
c = gc.get_count()[0]
ks = d.keys()
n = gc.get_count()[0]
print('keys', n - c)

gc.collect()
c = gc.get_count()[0]
it = d.items()
n = gc.get_count()[0]
print('items', n - c)

gc.collect()
c = gc.get_count()[0]
dc = d.copy()
n = gc.get_count()[0]
print('copy', n - c)

gc.collect()
c = gc.get_count()[0]
fk = dict.fromkeys('ab')
n = gc.get_count()[0]
print('fromkeys', n - c)
