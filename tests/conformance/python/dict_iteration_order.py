# 字典从 3.7 起保持插入顺序
d = {"b": 2, "a": 1, "c": 3}
d["d"] = 4
for k in d:
    print(k, end=" ")
print()
for k, v in d.items():
    print(f"{k}={v}", end=" ")
print()
print(list(d.keys()), list(d.values()))
del d["a"]
d["a"] = 100
print(d)
print(list(reversed(d)))
keys = d.keys()
d["z"] = 26
print(keys, len(keys))
