def gen():
    try:
        x = yield 1
        print("got", x)
        y = yield x * 2
        print("got", y)
    finally:
        print("cleanup")

g = gen()
print(next(g))
print(g.send(10))
g.close()
print("closed")
