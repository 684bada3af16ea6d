from enum import IntEnum, Flag, StrEnum, auto
class Priority(IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3
print(Priority.HIGH > Priority.LOW, Priority.LOW == 1, Priority.MEDIUM + 1, sorted([Priority.HIGH, Priority.LOW]))
print(Priority(2), f"{Priority.HIGH}", str(Priority.HIGH), int(Priority.HIGH))
class Perm(Flag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(rw, Perm.R in rw, Perm.X in rw, rw & Perm.W, Perm(7), Perm(0))
print(list(rw), bool(Perm(0)))
class Dir(StrEnum):
    UP = auto()
    DOWN = auto()
print(Dir.UP, Dir.UP == "up", Dir.DOWN.upper(), list(Dir))
class Step(IntEnum):
    A = auto()
    B = auto()
print(list(Step), [s.value for s in Step])
