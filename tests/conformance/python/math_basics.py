import math

print(math.sqrt(2), math.pi, math.e)
print(math.floor(-2.5), math.ceil(-2.5), round(2.5), round(3.5), round(2.675, 2))
print(math.gcd(12, 18), math.factorial(20), math.isclose(0.1 + 0.2, 0.3))
print(math.inf, -math.inf, math.nan, math.log(1024, 2), math.hypot(3, 4))
