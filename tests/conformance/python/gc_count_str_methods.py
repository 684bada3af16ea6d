# str methods: find/startswith/count/format are METH_VARARGS in CPython 3.11.
import gc

gc.disable()

gc.collect()
c = gc.get_count()[0]
sp = 'a b'.split()
n = gc.get_count()[0]
print('split', n - c)

gc.collect()
c = gc.get_count()[0]
j = ','.join(['a', 'b'])
n = gc.get_count()[0]
print('join', n - c)

gc.collect()
c = gc.get_count()[0]
r = 'ab'.replace('a', 'c')
n = gc.get_count()[0]
print('replace', n - c)

gc.collect()
c = gc.get_count()[0]
st = ' a '.strip()
n = gc.get_count()[0]
print('strip', n - c)

gc.collect()
c = gc.get_count()[0]
'ab'.startswith('a')
n = gc.get_count()[0]
print('startswith', n - c)

gc.collect()
c = gc.get_count()[0]
'ab'.endswith('b')
n = gc.get_count()[0]
print('endswith', n - c)

gc.collect()
c = gc.get_count()[0]
'ab'.find('b')
n = gc.get_count()[0]
print('find', n - c)

gc.collect()
c = gc.get_count()[0]
'ab'.count('a')
n = gc.get_count()[0]
print('count', n - c)

gc.collect()
c = gc.get_count()[0]
u = 'ab'.upper()
n = gc.get_count()[0]
print('upper', n - c)

gc.collect()
c = gc.get_count()[0]
fo = '{} {}'.format(1, 2)
n = gc.get_count()[0]
print('format', n - c)

gc.collect()
c = gc.get_count()[0]
fk = '{a}'.format(a=1)
n = gc.get_count()[0]
print('format kw', n - c)

gc.collect()
c = gc.get_count()[0]
pc = '%s-%d' % ('a', 1)
n = gc.get_count()[0]
print('percent', n - c)

gc.collect()
c = gc.get_count()[0]
fs = f'{1} {2.5}'
n = gc.get_count()[0]
print('f-string', n - c)

gc.collect()
c = gc.get_count()[0]
pa = 'a,b'.partition(',')
n = gc.get_count()[0]
print('partition', n - c)

gc.collect()
c = gc.get_count()[0]
en = 'ab'.encode()
n = gc.get_count()[0]
print('encode', n - c)
