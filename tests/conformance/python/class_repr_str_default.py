class Plain:
    pass

class WithStr:
    def __str__(self):
        return "str form"

class WithRepr:
    def __repr__(self):
        return "WithRepr()"

w = WithStr()
print(str(w), f"{w}", "%s" % w)
r = WithRepr()
print(r, str(r), [r], f"{r!r}")
print(type(Plain()).__name__, Plain.__qualname__, Plain.__module__)
