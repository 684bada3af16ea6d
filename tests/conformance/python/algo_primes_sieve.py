def sieve(n):
    is_prime = [True] * (n + 1)
    is_prime[0:2] = [False, False]
    for i in range(2, int(n ** 0.5) + 1):
        if is_prime[i]:
            is_prime[i * i :: i] = [False] * len(is_prime[i * i :: i])
    return [i for i, p in enumerate(is_prime) if p]
primes = sieve(100)
print(primes)
print(len(sieve(10000)), sieve(10000)[-1])
def prime_factors(n):
    factors, d = [], 2
    while d * d <= n:
        while n % d == 0:
            factors.append(d)
            n //= d
        d += 1
    if n > 1:
        factors.append(n)
    return factors
for n in (84, 97, 1001, 2 ** 10, 600851475143):
    print(n, "=", " × ".join(map(str, prime_factors(n))))
def is_perfect(n):
    return n == sum(d for d in range(1, n) if n % d == 0)
print([n for n in range(1, 10000) if is_perfect(n)])
