a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a <= {1, 2, 3, 4, 5}, {1} < a, a.isdisjoint({9}))
s = set("hello")
print(sorted(s), len(s))
fs = frozenset([1, 2])
print(fs, {fs: "ok"}[frozenset([2, 1])])
print(set(), {1, 2, 3}, frozenset())
