from enum import Enum, IntEnum, auto

class Color(Enum):
    RED = 1
    GREEN = auto()
    BLUE = auto()

print(Color.RED, repr(Color.GREEN), Color(3), Color["BLUE"].value)
print(list(Color))

class Level(IntEnum):
    LOW = 1
    HIGH = 2

print(Level.HIGH > Level.LOW, Level.LOW + 1)
