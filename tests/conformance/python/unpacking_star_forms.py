first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
head, *middle, tail = range(6)
print(head, middle, tail)
a, *b = [1]
print(a, b)
(x, y), z = (1, 2), 3
print(x, y, z)
for i, (name, score) in enumerate([("a", 1), ("b", 2)]):
    print(i, name, score)
print(*[1, 2, 3], sep="-")
merged = [*range(3), *"ab", *{"k": 1}]
print(merged)
a, b = b, a
print(a, b)
