# Built-in calls: METH_VARARGS functions and types without vectorcall build an
# argument tuple; the others do not.
import gc

gc.disable()

gc.collect()
c = gc.get_count()[0]
len([1])
n = gc.get_count()[0]
print('len', n - c)

gc.collect()
c = gc.get_count()[0]
max(1, 2)
n = gc.get_count()[0]
print('max(1, 2)', n - c)

gc.collect()
c = gc.get_count()[0]
max([1, 2])
n = gc.get_count()[0]
print('max(seq)', n - c)

gc.collect()
c = gc.get_count()[0]
min(1, 2)
n = gc.get_count()[0]
print('min', n - c)

gc.collect()
c = gc.get_count()[0]
sum([1, 2])
n = gc.get_count()[0]
print('sum', n - c)

gc.collect()
c = gc.get_count()[0]
so = sorted([2, 1])
n = gc.get_count()[0]
print('sorted', n - c)

gc.collect()
c = gc.get_count()[0]
abs(-1)
n = gc.get_count()[0]
print('abs', n - c)

gc.collect()
c = gc.get_count()[0]
round(1.5)
n = gc.get_count()[0]
print('round', n - c)

gc.collect()
c = gc.get_count()[0]
divmod(7, 2)
n = gc.get_count()[0]
print('divmod', n - c)

gc.collect()
c = gc.get_count()[0]
s = str(12)
n = gc.get_count()[0]
print('str(12)', n - c)

gc.collect()
c = gc.get_count()[0]
i = int('3')
n = gc.get_count()[0]
print("int('3')", n - c)

gc.collect()
c = gc.get_count()[0]
fl = float('1.5')
n = gc.get_count()[0]
print("float('1.5')", n - c)

gc.collect()
c = gc.get_count()[0]
bool(1)
n = gc.get_count()[0]
print('bool(1)', n - c)

gc.collect()
c = gc.get_count()[0]
rg = range(3)
n = gc.get_count()[0]
print('range', n - c)

gc.collect()
c = gc.get_count()[0]
isinstance(1, int)
n = gc.get_count()[0]
print('isinstance', n - c)

gc.collect()
c = gc.get_count()[0]
getattr(1, 'x', 0)
n = gc.get_count()[0]
print('getattr default', n - c)

gc.collect()
c = gc.get_count()[0]
hasattr(1, 'x')
n = gc.get_count()[0]
print('hasattr', n - c)

gc.collect()
c = gc.get_count()[0]
repr(1)
n = gc.get_count()[0]
print('repr', n - c)

gc.collect()
c = gc.get_count()[0]
hash('a')
n = gc.get_count()[0]
print('hash', n - c)

gc.collect()
c = gc.get_count()[0]
id(gc)
n = gc.get_count()[0]
print('id', n - c)

gc.collect()
c = gc.get_count()[0]
type(1)
n = gc.get_count()[0]
print('type', n - c)

gc.collect()
c = gc.get_count()[0]
chr(65)
n = gc.get_count()[0]
print('chr', n - c)

gc.collect()
c = gc.get_count()[0]
ord('a')
n = gc.get_count()[0]
print('ord', n - c)
