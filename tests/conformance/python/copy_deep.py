import copy

a = [[1, 2], {"k": [3]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[0].append(99)
a[1]["k"].append(4)
print(b)
print(c)
print(b[0] is a[0], c[0] is a[0])
