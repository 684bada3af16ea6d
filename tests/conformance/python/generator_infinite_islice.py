from itertools import islice, count, takewhile
def naturals():
    n = 0
    while True:
        yield n
        n += 1
def primes():
    found = []
    for n in count(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
print(list(islice(naturals(), 5)))
print(list(islice(primes(), 15)))
print(list(takewhile(lambda p: p < 30, primes())))
print(list(islice(naturals(), 10, 20, 3)))
def collatz(n):
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1
print(list(collatz(27))[:10], len(list(collatz(27))))
