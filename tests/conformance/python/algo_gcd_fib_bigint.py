def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(1071, 462), gcd(17, 5), gcd(0, 9))
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print(fib(100))
print(fib(300))
print(len(str(fib(1000))))
print(2 ** 200)
print(3 ** 100 % 1000000007, pow(3, 100, 1000000007), pow(2, -1, 7))
import math
print(math.factorial(50))
print(sum(int(d) for d in str(2 ** 1000)))
print(-7 ** 2, (-7) ** 2, 10 ** 20 // 3, -(10 ** 20) // 3, 10 ** 20 / 3)
print(int("9" * 50) + 1)
