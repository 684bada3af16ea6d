class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __eq__(self, other):
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
vs = [Version("1.10.0"), Version("1.2.3"), Version("1.2.10"), Version("0.9")]
print(sorted(vs))
print(max(vs), min(vs))
print(Version("1.0") == Version("1.0"), Version("1.0") != Version("1.1"))
print(Version("2.0") > Version("1.9"))
try:
    Version("1.0") <= Version("2.0")
except TypeError as e:
    print(e)
