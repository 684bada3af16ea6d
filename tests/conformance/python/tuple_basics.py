t = (1, 2, 3)
single = (1,)
not_tuple = (1)
empty = ()
print(type(single).__name__, type(not_tuple).__name__, empty, len(empty))
print(t + (4,), t * 2, t.count(2), t.index(3))
a, b, c = t
print(a, b, c)
point = 3, 4
print(point, type(point).__name__)
print((1, 2) < (1, 3), (2,) > (1, 99), max([(1, "b"), (1, "a")]))
nested = (1, [2, 3])
nested[1].append(4)
print(nested)
print(hash((1, 2)) == hash((1, 2)))
t[0] = 10
