# Exceptions: the instance, its args tuple and the frame object a traceback needs.
import gc

gc.disable()

def fail():
    raise ValueError('no')


gc.collect()
c = gc.get_count()[0]
try:
    raise ValueError('x')
except ValueError:
    pass
n = gc.get_count()[0]
print('first raise', n - c)

gc.collect()
c = gc.get_count()[0]
try:
    raise ValueError('x')
except ValueError:
    pass
n = gc.get_count()[0]
print('raise again', n - c)

gc.collect()
c = gc.get_count()[0]
try:
    raise KeyError('k')
except KeyError as e:
    pass
n = gc.get_count()[0]
print('except as', n - c)

gc.collect()
c = gc.get_count()[0]
try:
    fail()
except ValueError:
    pass
n = gc.get_count()[0]
print('from a function', n - c)

gc.collect()
c = gc.get_count()[0]
try:
    1 / 0
except ZeroDivisionError:
    pass
n = gc.get_count()[0]
print('zero division', n - c)

gc.collect()
c = gc.get_count()[0]
try:
    {}['a']
except KeyError:
    pass
n = gc.get_count()[0]
print('missing key', n - c)

gc.collect()
c = gc.get_count()[0]
ex = ValueError('a')
n = gc.get_count()[0]
print('keep exception', n - c)

gc.collect()
c = gc.get_count()[0]
del ex
n = gc.get_count()[0]
print('drop exception', n - c)

gc.collect()
c = gc.get_count()[0]
ex2 = ValueError()
n = gc.get_count()[0]
print('no args', n - c)
