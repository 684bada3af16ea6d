def factorial(n):
    return 1 if n <= 1 else n * factorial(n - 1)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
def power_set(items):
    if not items:
        return [[]]
    rest = power_set(items[1:])
    return rest + [[items[0]] + r for r in rest]
def sum_digits(n):
    return n if n < 10 else n % 10 + sum_digits(n // 10)
print(factorial(10), factorial(30))
print([fib(i) for i in range(15)])
print(power_set([1, 2, 3]))
print(sum_digits(987654321))
import sys
print(sys.getrecursionlimit())
