def gen():
    yield 1
    return 42

g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value", e.value)
print(next(g, "default"))
