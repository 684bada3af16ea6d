class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"P{self.x, self.y}"
pts = {Point(1, 2), Point(1, 2), Point(3, 4)}
print(len(pts), Point(1, 2) in pts)
d = {Point(0, 0): "origin"}
print(d[Point(0, 0)])
class NoHash:
    def __eq__(self, other):
        return True
print(NoHash.__hash__)
print(NoHash() == 1, Point(1, 2) == (1, 2))
{NoHash()}
