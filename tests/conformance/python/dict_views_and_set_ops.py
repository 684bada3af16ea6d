a = {"x": 1, "y": 2, "z": 3}
b = {"y": 20, "z": 3, "w": 4}
print(sorted(a.keys() & b.keys()), sorted(a.keys() - b.keys()), sorted(a.keys() | b.keys()))
print(sorted(a.items() & b.items()), sorted(a.keys() ^ b.keys()))
print({k: a[k] for k in a.keys() - {"x"}} == {"y": 2, "z": 3})
print(list(a.values()), 2 in a.values(), ("x", 1) in a.items(), "x" in a)
keys = a.keys()
a["new"] = 0
print(len(keys), list(keys))
print(dict(sorted(b.items())), max(b.items(), key=lambda kv: kv[1]))
print(a.keys() == {"x", "y", "z", "new"}, type(a.values()).__name__, type(a.items()).__name__)
a.values() == a.values()
print(list(zip(a, a.values())))
print(a.keys()[0])
