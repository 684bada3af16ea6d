# array.array's item conversions: OverflowError and TypeError messages per typecode,
# index errors and the operations arrays refuse.
import array

for tc in "bBhHiIlLqQ":
    for v in (10 ** 20, -10 ** 20, 2 ** 40, -2 ** 40, 70000, -70000, 300, -300, 1.5, "x"):
        try:
            array.array(tc, [v])
            print(tc, v, "ok")
        except (OverflowError, TypeError) as e:
            print(tc, repr(v)[:8], type(e).__name__, e)
for tc in "fdu":
    for v in ("x", "xy", 1, 1.5, None):
        try:
            print(tc, repr(v), array.array(tc, [v]))
        except TypeError as e:
            print(tc, repr(v), "TypeError", e)
a = array.array("i", [1, 2, 3])
checks = [
    lambda: a[5],
    lambda: a.pop(7),
    lambda: array.array("i").pop(),
    lambda: a.remove(9),
    lambda: a.index(9),
    lambda: a + array.array("d"),
    lambda: a + [1],
    lambda: a.frombytes(b"abc"),
    lambda: a.fromlist(3),
    lambda: hash(a),
    lambda: array.array("z"),
    lambda: array.array("i", "abc"),
    lambda: a.extend(array.array("l", [1])),
    lambda: a.__setitem__(slice(0, 2), [1]),
    lambda: a.__setitem__(slice(None, None, 2), array.array("i", [1])),
    lambda: a.__setitem__(0, "x"),
]
for f in checks:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(a == array.array("d", [1, 2, 3]), a != array.array("i", [1, 2]), a)
