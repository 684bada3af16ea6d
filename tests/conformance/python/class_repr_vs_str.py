class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"
    def __str__(self):
        return f"({self.x}, {self.y})"
p = Point(1, 2)
print(p)
print(repr(p), str(p), f"{p} {p!r}")
print([p, Point("a", 3.5)])
print({"origin": p})
class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])
class OnlyStr:
    def __str__(self):
        return "only str"
print(OnlyStr(), "%s" % OnlyStr())
