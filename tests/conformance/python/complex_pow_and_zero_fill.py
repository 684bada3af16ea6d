vals = [1j, 1+2j, -3.5+0.5j, 2, 0.5, -1j]
for a in vals:
    for b in [2, 3, -1, -2, 0.5, 1+1j, 10, 101, 2.0]:
        try:
            print(a, b, a ** b)
        except Exception as e:
            print(type(e).__name__, e)
print((1+2j) / (3-4j), (1e300+1e300j) / (1e300+1e300j), 1 / 1j, (5+0j) / 2, (1+1j) / 1e-320)
print(format("ab", "05"), format(123, ">+08d"), format(1.5, "^08.2f"), format(12345, ">010,d"), format(12345, "010,d"), hash(""), hash(b""))
