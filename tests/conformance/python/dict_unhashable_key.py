d = {}
d[(1, 2)] = "tuple ok"
d[frozenset({1})] = "frozenset ok"
print(d)
d[[1, 2]] = "list not ok"
