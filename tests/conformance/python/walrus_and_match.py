data = [1, 5, 12, 3]
if (n := len(data)) > 3:
    print("long list", n)
print([y for x in data if (y := x * 2) > 5])

def describe(value):
    match value:
        case 0:
            return "zero"
        case [x, y]:
            return f"pair {x},{y}"
        case {"type": "point", "x": x}:
            return f"point x={x}"
        case str() as s if len(s) > 3:
            return "long string"
        case int(n) | float(n):
            return f"number {n}"
        case _:
            return "other"

for v in (0, [1, 2], {"type": "point", "x": 5}, "hello", 7, 2.5, "hi"):
    print(describe(v))
