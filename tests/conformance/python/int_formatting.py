for n in (0, 7, -42, 255, 65535, 10 ** 9):
    print(f"{n:d}|{n:5d}|{n:<5d}|{n:x}|{n:#o}|{n:08b}|{n:,}|{n:+}")
print(format(1234.5, ",.2f"), format(0.000123, ".2e"), format(42, "c"), format(3, "*^7"))
print("{0}-{1}-{0}".format("a", "b"), "{name}!".format(name="x"), "{:>{w}}".format("r", w=4))
