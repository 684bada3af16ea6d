from itertools import accumulate, chain, cycle, repeat, count, islice, zip_longest, starmap, dropwhile, filterfalse, compress, tee, pairwise
import operator
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], operator.mul)))
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([1, 2], initial=100)))
print(list(chain("ab", [1], (2,))))
print(list(islice(cycle("xyz"), 7)), list(repeat("hi", 3)))
print(list(zip(count(10, 5), "abc")))
print(list(zip_longest("abcd", [1, 2], fillvalue="-")))
print(list(starmap(pow, [(2, 5), (3, 2)])))
print(list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(filterfalse(str.isdigit, "a1b2")))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
a, b = tee([1, 2, 3])
print(list(a), list(b), list(pairwise("abcd")))
