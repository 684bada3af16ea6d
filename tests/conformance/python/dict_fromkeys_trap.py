d = dict.fromkeys(["a", "b", "c"], [])
d["a"].append(1)
print(d)
d = {k: [] for k in ["a", "b", "c"]}
d["a"].append(1)
print(d)
print(dict.fromkeys("xyz"))
print(dict.fromkeys(range(3), 0))
