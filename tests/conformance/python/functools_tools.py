import functools

print(functools.reduce(lambda a, b: a * b, range(1, 6)))
double = functools.partial(lambda a, b: a * b, 2)
print(double(21))

@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80))
print(fib.cache_info())
