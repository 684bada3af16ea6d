import math
class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vector(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vector(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return Vector(-self.x, -self.y)
    def __abs__(self):
        return math.hypot(self.x, self.y)
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __iadd__(self, o):
        self.x += o.x
        self.y += o.y
        return self
    def __repr__(self):
        return f"Vector({self.x}, {self.y})"
v = Vector(3, 4)
w = Vector(1, 1)
print(v + w, v - w, v * 2, 3 * v, -v, abs(v))
print(v == Vector(3, 4), v != w)
v += w
print(v)
print(v + 1)
