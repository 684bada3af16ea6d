d = {"b": 2, "a": 1}
d.setdefault("c", 3)
d.update(d=4, a=10)
print(d, list(d.keys()), list(d.values()))
print(d.get("z"), d.get("z", 0), d.pop("b"), d.popitem(), d)
print({**d, "e": 5}, d | {"f": 6}, dict(zip("xy", [1, 2])))
print(sorted({"k2": 1, "k1": 2}.items()), {1: "a"} == {1: "a"}, len({}))
for k, v in {"one": 1, "two": 2}.items():
    print(k, v)
