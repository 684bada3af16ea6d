class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

print(list(Countdown(3)))
it = iter([1, 2])
print(next(it), next(it), next(it, "end"))
print(list(zip("abc", range(10))), list(enumerate("xy", start=1)))
print(list(map(pow, [2, 3], [3, 2])), list(filter(None, [0, 1, "", "a"])))
print(any([]), all([]), any(x > 2 for x in [1, 3]), sum([0.1] * 10))
