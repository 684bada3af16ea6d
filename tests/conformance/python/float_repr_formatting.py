values = [0.1, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e-4, 1e-5, 123456789.123, 1.0, -0.0, 5e-324, 1.7976931348623157e308]
for v in values:
    print(repr(v), str(v), f"{v:g}", f"{v:.3}")
print(float("inf"), float("-inf"), float("nan"), 2.5.is_integer(), (0.5).as_integer_ratio())
print(round(0.125, 2), round(1.5), round(-0.5), int(-2.7), int(2.7), 7 // 2, -7 // 2, -7 % 3)
