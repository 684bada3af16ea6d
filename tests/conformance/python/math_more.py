import math

print(math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]), math.isqrt(99))
print(math.trunc(-3.7), math.copysign(2, -0.0), math.fabs(-3), math.fmod(-7, 3))
print(math.sin(0), math.cos(math.pi), math.atan2(1, 1), math.degrees(math.pi))
print(math.exp(1), math.log10(1000), math.log2(8), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.isnan(float("nan")), math.isinf(1e308 * 10), math.lcm(4, 6), math.dist((0, 0), (3, 4)))
