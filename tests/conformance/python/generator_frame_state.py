def gen():
    yield 1

g = gen()
print(g.gi_frame is not None, g.gi_running)
next(g)
print(g.gi_frame is not None)
list(g)
print(g.gi_frame)
