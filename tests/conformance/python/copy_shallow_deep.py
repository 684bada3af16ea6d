import copy
original = {"name": "config", "servers": ["a", "b"], "meta": {"version": 1}}
shallow = copy.copy(original)
deep = copy.deepcopy(original)
shallow["servers"].append("c")
shallow["name"] = "changed"
deep["meta"]["version"] = 2
print(original)
print(shallow)
print(deep)
print(shallow["servers"] is original["servers"], deep["servers"] is original["servers"])
nested = [[1, 2], [3, 4]]
c1 = nested[:]
c2 = copy.deepcopy(nested)
nested[0][0] = "X"
print(c1, c2)
a = [1]
a.append(a)
b = copy.deepcopy(a)
print(b, b[1] is b, b is not a)
t = (1, [2])
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, 2)) is not None)
