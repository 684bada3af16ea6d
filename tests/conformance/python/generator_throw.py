def gen():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("caught", e)

g = gen()
print(next(g))
print(g.throw(ValueError("bad")))
g.close()
try:
    next(g)
except StopIteration:
    print("stopped")
