a = 2 ** 100
print(a, a * a, -a // 7, a % 1000007)
print(factorial := 1)
for i in range(1, 30):
    factorial *= i
print(factorial, len(str(factorial)), factorial.bit_length())
print(hex(a), oct(255), bin(10), int("ff", 16), int("0b101", 0), (255).to_bytes(2, "big"))
print(pow(3, 100, 1000), divmod(-17, 5), abs(-10 ** 20), 10 ** 20 // 3)
