a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union([7]), a.intersection(b, {4}), a.difference(b))
print({1, 2} <= a, {1, 2} < a, a >= {1}, a.isdisjoint({9}))
s = set()
s.add(3); s.update([1, 2]); s.discard(10); s.remove(1)
print(s, len(s))
print(set(), {}.__class__.__name__)
fs = frozenset([1, 2])
print(fs, {fs: "key"})
s.remove(42)
