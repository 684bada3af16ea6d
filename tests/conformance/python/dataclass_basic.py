from dataclasses import dataclass, field, asdict

@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)

p = Point(1)
print(p)
print(p == Point(1, 0, []))
print(asdict(Point(2, 3, ["a"])))

@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int

print(sorted([Version(1, 2), Version(0, 9), Version(1, 0)]))
