import sys

class P:
    def __init__(self, n):
        for i in range(n):
            setattr(self, "a%d" % i, i)

for n in (0, 1, 5, 10, 30):
    p = P(n)
    print(n, sys.getsizeof(p), sys.getsizeof(p.__dict__))
