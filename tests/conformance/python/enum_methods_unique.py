from enum import Enum, unique, auto
class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        G = 6.673e-11
        return G * self.mass / (self.radius * self.radius)
for p in Planet:
    print(p.name, f"{p.surface_gravity:.2f}")
class Weekday(Enum):
    MON = auto()
    TUE = auto()
    def is_weekend(self):
        return False
    @classmethod
    def first(cls):
        return cls.MON
print(Weekday.first(), Weekday.TUE.is_weekend(), Weekday.TUE.value)
print(Weekday.__members__.keys())
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError:", e)
Weekday.MON = 5
