from functools import lru_cache, cache
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(100))
print(fib.cache_info())
fib.cache_clear()
print(fib.cache_info())
@lru_cache(maxsize=2)
def square(n):
    print(f"computing {n}")
    return n * n
for n in [1, 2, 1, 3, 1, 2]:
    square(n)
print(square.cache_info())
@cache
def ways(n):
    if n < 0:
        return 0
    if n == 0:
        return 1
    return ways(n - 1) + ways(n - 2) + ways(n - 3)
print([ways(i) for i in range(10)], ways(50))
@lru_cache
def unhashable(x):
    return x
unhashable([1, 2])
