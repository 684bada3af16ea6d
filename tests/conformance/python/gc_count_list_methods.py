# list methods and operators.
import gc

gc.disable()

l = [1, 2]

gc.collect()
c = gc.get_count()[0]
l.append(3)
n = gc.get_count()[0]
print('append', n - c)

gc.collect()
c = gc.get_count()[0]
l.extend((4,))
n = gc.get_count()[0]
print('extend', n - c)

gc.collect()
c = gc.get_count()[0]
l.insert(0, 0)
n = gc.get_count()[0]
print('insert', n - c)

gc.collect()
c = gc.get_count()[0]
l.pop()
n = gc.get_count()[0]
print('pop', n - c)

gc.collect()
c = gc.get_count()[0]
l.index(1)
n = gc.get_count()[0]
print('index', n - c)

gc.collect()
c = gc.get_count()[0]
lc = l.copy()
n = gc.get_count()[0]
print('copy', n - c)

gc.collect()
c = gc.get_count()[0]
l.sort()
n = gc.get_count()[0]
print('sort', n - c)

gc.collect()
c = gc.get_count()[0]
sl = l[1:]
n = gc.get_count()[0]
print('slice', n - c)

gc.collect()
c = gc.get_count()[0]
cc = l + [9]
n = gc.get_count()[0]
print('concat', n - c)

gc.collect()
c = gc.get_count()[0]
rp = l * 2
n = gc.get_count()[0]
print('repeat', n - c)

gc.collect()
c = gc.get_count()[0]
l.clear()
n = gc.get_count()[0]
print('clear', n - c)
