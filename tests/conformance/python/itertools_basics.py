import itertools

print(list(itertools.chain([1, 2], (3,), "ab")))
print(list(itertools.islice(itertools.count(10, 5), 4)))
print(list(itertools.permutations("abc", 2)))
print(list(itertools.combinations(range(4), 2)))
print([(k, list(g)) for k, g in itertools.groupby("aabbbc")])
print(list(itertools.accumulate([1, 2, 3, 4])))
print(list(itertools.product("ab", repeat=2)))
