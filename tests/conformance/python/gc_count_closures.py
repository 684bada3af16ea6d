# Cells and closures count towards generation 0.
import gc

gc.disable()

gc.collect()
c = gc.get_count()[0]
def mk():
    v = []
    def inner():
        return v
    return inner
clo = mk()
n = gc.get_count()[0]
print('make closure', n - c)

gc.collect()
c = gc.get_count()[0]
clo()
n = gc.get_count()[0]
print('call closure', n - c)

gc.collect()
c = gc.get_count()[0]
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
inc = counter()
n = gc.get_count()[0]
print('nonlocal', n - c)

gc.collect()
c = gc.get_count()[0]
inc()
n = gc.get_count()[0]
print('call nonlocal', n - c)

gc.collect()
c = gc.get_count()[0]
del clo
n = gc.get_count()[0]
print('drop closure', n - c)
