from enum import Enum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value)
print(Color(2), Color["BLUE"], list(Color))
print(Color.RED == Color.RED, Color.RED is Color(1), Color.RED == 1)
for c in Color:
    print(f"{c.name:<6}{c.value}")
print(len(Color), Color.GREEN in Color, type(Color.RED).__name__)
print({Color.RED: "stop"}[Color.RED])
class Status(Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"
    ALIAS = "active"
print(list(Status), Status.ALIAS, Status("active"))
print(Color(7))
