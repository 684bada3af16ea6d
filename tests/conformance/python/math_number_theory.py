import math
print(math.gcd(48, 18), math.gcd(0, 5), math.gcd(12, 18, 24), math.lcm(4, 6), math.lcm(3, 5, 7))
print(math.factorial(20), math.comb(10, 3), math.perm(5, 2), math.comb(52, 5))
print(math.prod([1, 2, 3, 4]), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.log(100, 10), math.log2(1024), math.log10(0.001), math.exp(1) == math.e, math.log1p(0))
print(math.degrees(math.pi), math.radians(180), round(math.sin(math.pi / 6), 10), math.hypot(5, 12))
print(math.dist((0, 0), (3, 4)), math.copysign(3, -0.0), math.ulp(1.0))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
