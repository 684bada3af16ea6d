class C:
    x = 10
    ys = [x for _ in range(2)] if False else None
    def method(self):
        return x

try:
    C().method()
except NameError as e:
    print(e)
print(C.x)
