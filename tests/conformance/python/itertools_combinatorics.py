from itertools import permutations, combinations, combinations_with_replacement, product
print(list(permutations("abc", 2)))
print(list(combinations([1, 2, 3, 4], 2)))
print(list(combinations_with_replacement("ab", 2)))
print(list(product([0, 1], repeat=3)))
print(list(product("ab", [1, 2])))
print(["".join(p) for p in permutations("123")])
print(len(list(permutations(range(5)))), len(list(combinations(range(10), 3))))
