# Instances count once; arguments to a class call travel in a tuple.
import gc

gc.disable()

class P:
    pass


class Q:
    def __init__(self, *a, **k):
        self.a = a


class R:
    def __init__(self, x):
        self.x = x


gc.collect()
c = gc.get_count()[0]
p = P()
n = gc.get_count()[0]
print('P()', n - c)

gc.collect()
c = gc.get_count()[0]
q = Q()
n = gc.get_count()[0]
print('Q()', n - c)

gc.collect()
c = gc.get_count()[0]
q1 = Q(1)
n = gc.get_count()[0]
print('Q(1)', n - c)

gc.collect()
c = gc.get_count()[0]
q2 = Q(1, 2)
n = gc.get_count()[0]
print('Q(1, 2)', n - c)

gc.collect()
c = gc.get_count()[0]
q3 = Q(a=1)
n = gc.get_count()[0]
print('Q(a=1)', n - c)

gc.collect()
c = gc.get_count()[0]
r = R(1)
n = gc.get_count()[0]
print('R(1)', n - c)

gc.collect()
c = gc.get_count()[0]
del p
n = gc.get_count()[0]
print('free instance', n - c)

gc.collect()
c = gc.get_count()[0]
vars(r)
n = gc.get_count()[0]
print('vars', n - c)
