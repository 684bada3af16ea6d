from dataclasses import dataclass
@dataclass
class Point:
    x: int
    y: int
@dataclass
class Circle:
    center: Point
    r: float
def where(shape):
    match shape:
        case Point(x=0, y=0):
            return "原点"
        case Point(x=0, y=y):
            return f"Y 轴上 y={y}"
        case Point(x, 0):
            return f"X 轴上 x={x}"
        case Circle(Point(0, 0), r):
            return f"以原点为圆心 r={r}"
        case Circle(center=c, r=r) if r > 10:
            return f"大圆 at {c}"
        case Point() | Circle():
            return "其他图形"
        case _:
            return "不是图形"
for s in [Point(0, 0), Point(0, 5), Point(3, 0), Point(1, 1), Circle(Point(0, 0), 2), Circle(Point(1, 1), 20), Circle(Point(1, 1), 1), "x"]:
    print(where(s))
def kind(v):
    match v:
        case bool():
            return "bool"
        case int() | float() as n if n < 0:
            return "negative number"
        case int():
            return "int"
        case str() | bytes():
            return "text"
        case [int(), *_]:
            return "list starting with int"
        case None:
            return "None"
    return "other"
print([kind(v) for v in [True, -1.5, 3, "s", b"b", [1, "a"], None, {}]])
