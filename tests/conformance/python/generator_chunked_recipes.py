from itertools import islice, chain, tee, zip_longest
def chunked(iterable, n):
    it = iter(iterable)
    while chunk := list(islice(it, n)):
        yield chunk
print(list(chunked(range(10), 3)))
print(list(chunked("abcdefg", 2)))
def grouper(iterable, n, fill=None):
    args = [iter(iterable)] * n
    return zip_longest(*args, fillvalue=fill)
print(list(grouper("ABCDEFG", 3, "x")))
def sliding(iterable, n):
    its = tee(iterable, n)
    for i, it in enumerate(its):
        for _ in range(i):
            next(it, None)
    return zip(*its)
print(list(sliding([1, 2, 3, 4, 5], 3)))
def unique_everseen(iterable, key=None):
    seen = set()
    for x in iterable:
        k = x if key is None else key(x)
        if k not in seen:
            seen.add(k)
            yield x
print(list(unique_everseen("AAAABBBCCDAABBB")), list(unique_everseen("ABbcCAD", key=str.lower)))
def flatten(list_of_lists):
    return chain.from_iterable(list_of_lists)
print(list(flatten([[1, 2], [3], []])))
def nth(iterable, n, default=None):
    return next(islice(iterable, n, None), default)
print(nth(range(100), 42), nth("abc", 10, "none"))
