from enum import Enum, Flag, auto, unique

class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()

rw = Perm.R | Perm.W
print(rw, Perm.R in rw, Perm.X in rw, rw.value)

@unique
class Status(str, Enum):
    ACTIVE = "active"
    DONE = "done"

print(Status.ACTIVE == "active", Status("done"), Status.DONE.name, len(Status))
try:
    Status("unknown")
except ValueError as e:
    print(e)
print({s.name: s.value for s in Status})
