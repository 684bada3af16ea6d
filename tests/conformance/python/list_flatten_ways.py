nested = [[1, 2], [3, 4, 5], [], [6]]
print([x for sub in nested for x in sub])
print(sum(nested, []))
import itertools
print(list(itertools.chain.from_iterable(nested)))
def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4, [5]]]], 6])))
