import sys
print(sys.get_int_max_str_digits(), len(str(10 ** 4299)))
for f in [lambda: str(10 ** 5000), lambda: int("7" * 4301), lambda: sys.set_int_max_str_digits(100)]:
    try:
        f()
    except ValueError as e:
        print("ValueError:", e)
print(len(hex(10 ** 5000)))
sys.set_int_max_str_digits(0)
print(len(str(10 ** 5000)), len(str(int("9" * 6000))))
sys.set_int_max_str_digits(4300)
print(10 ** 4400)
