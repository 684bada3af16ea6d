from dataclasses import dataclass, field
@dataclass
class Rect:
    w: float
    h: float
    area: float = field(init=False)
    def __post_init__(self):
        if self.w < 0 or self.h < 0:
            raise ValueError("negative size")
        self.area = self.w * self.h
@dataclass
class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)
print(Rect(2, 3), Square(4))
@dataclass
class Base:
    id: int
    tags: tuple = ()
@dataclass
class Child(Base):
    name: str = "child"
print(Child(1), Child(2, ("x",), "c"))
@dataclass(slots=True, kw_only=True)
class Opt:
    verbose: bool = False
    level: int = 1
print(Opt(level=3), hasattr(Opt(), "__dict__"))
Rect(-1, 2)
