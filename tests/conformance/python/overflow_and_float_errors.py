import math
print(2 ** 1000 > 10 ** 300, float(2 ** 1000) > 1e300)
try:
    float(2 ** 2000)
except OverflowError as e:
    print("OverflowError:", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
print(1e308 * 10, 2.0 ** 1023 * 2 if False else "skip", 10 ** 400 // 10 ** 399)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
print(int(1e20), int(float("1e20")), round(1e20))
int(float("inf"))
