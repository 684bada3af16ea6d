from dataclasses import dataclass
@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0
    def __str__(self):
        return f"{self.major}.{self.minor}.{self.patch}"
vs = [Version(1, 2), Version(1, 0, 5), Version(0, 9, 9), Version(1, 2)]
print(sorted(vs))
print(max(vs), Version(1) < Version(1, 0, 1), len(set(vs)))
print({Version(2): "two"}[Version(2)])
v = Version(3)
v.major = 4
