import math
print(math.floor(3.7), math.ceil(3.2), math.trunc(-3.7), math.floor(-3.2), int(-3.7))
print(round(2.5), round(3.5), round(-0.5), round(0.125, 2), round(2.675, 2), round(1234, -2))
print(7 / 2, 7 // 2, -7 // 2, 7 % -2, 2 ** -1, 2 ** 0.5, (-8) ** (1 / 3))
print(math.fmod(-7, 2), -7 % 2, math.remainder(7, 2), divmod(7.5, 2))
print(math.isqrt(17), math.sqrt(17), math.pow(2, 10), 2 ** 100)
print(abs(-5), abs(-2.5), abs(3 + 4j), max(1, 2.5), min([4, 2, 8]))
