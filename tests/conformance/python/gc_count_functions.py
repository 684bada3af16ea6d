# Generation-0 count of function definitions and calls (after a full collection,
# which empties the free lists).
import gc

gc.disable()

gc.collect()
c = gc.get_count()[0]
def f(a, b=2):
    return a + b
n = gc.get_count()[0]
print('def', n - c)

gc.collect()
c = gc.get_count()[0]
f(1)
n = gc.get_count()[0]
print('call', n - c)

gc.collect()
c = gc.get_count()[0]
f(1, b=3)
n = gc.get_count()[0]
print('call kw', n - c)

gc.collect()
c = gc.get_count()[0]
f(*[1, 2])
n = gc.get_count()[0]
print('call *args', n - c)

gc.collect()
c = gc.get_count()[0]
f(**{'a': 1})
n = gc.get_count()[0]
print('call **kwargs', n - c)

gc.collect()
c = gc.get_count()[0]
def v(*a, **k):
    return a, k
n = gc.get_count()[0]
print('def varargs', n - c)

gc.collect()
c = gc.get_count()[0]
v(1, 2)
n = gc.get_count()[0]
print('call varargs', n - c)

gc.collect()
c = gc.get_count()[0]
v(1, x=2)
n = gc.get_count()[0]
print('call varargs kw', n - c)

gc.collect()
c = gc.get_count()[0]
g = lambda x: x
n = gc.get_count()[0]
print('lambda', n - c)

gc.collect()
c = gc.get_count()[0]
g(1)
n = gc.get_count()[0]
print('call lambda', n - c)

gc.collect()
c = gc.get_count()[0]
def ko(*, a=1):
    return a
n = gc.get_count()[0]
print('kw-only', n - c)

gc.collect()
c = gc.get_count()[0]
ko(a=2)
n = gc.get_count()[0]
print('call kw-only', n - c)
