tests = [
    lambda: [1][5],
    lambda: {"a": 1}["b"],
    lambda: 1 / 0,
    lambda: int("x"),
    lambda: None.foo,
    lambda: "a" * "b",
    lambda: len(5),
    lambda: undefined_name,
    lambda: [].pop(),
    lambda: (1, 2).append(3),
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__ + ":", e)
