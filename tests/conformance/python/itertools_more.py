import itertools

print(list(itertools.zip_longest("ab", "xyz", fillvalue="-")))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(itertools.repeat("x", 3)), list(itertools.compress("abcd", [1, 0, 1, 0])))
print(list(itertools.pairwise([1, 2, 3, 4])), list(itertools.islice(itertools.cycle("ab"), 5)))
print(list(itertools.combinations_with_replacement("ab", 2)), list(itertools.filterfalse(bool, [0, 1, 2, 0])))
