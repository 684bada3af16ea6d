class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        return CountdownIterator(self.start)
class CountdownIterator:
    def __init__(self, current):
        self.current = current
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
c = Countdown(3)
print(list(c), list(c))
it = iter(c)
print(next(it), next(it), next(it), next(it, "done"))
class Squares:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        for i in range(self.n):
            yield i * i
print(list(Squares(5)), sum(Squares(4)), 9 in Squares(5))
for x in iter([1, 2]):
    print("x", x)
it = iter(c)
next(it); next(it); next(it)
next(it)
