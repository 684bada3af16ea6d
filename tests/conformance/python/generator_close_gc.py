import gc

def gen():
    try:
        yield 1
        yield 2
    finally:
        print("generator finalised")

g = gen()
print(next(g))
del g
print("after del")
g2 = gen()
next(g2)
g2 = None
print("end")
