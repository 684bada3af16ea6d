first, *middle, last = range(6)
print(first, middle, last)
(a, b), c = [1, 2], 3
print(a, b, c)
head, *tail = "abc"
print(head, tail)
print(*[1, 2], *"ab", sep="-")
def f(a, b, c):
    return a + b + c
print(f(*[1, 2], **{"c": 3}))
x, y = y, x = 1, 2
print(x, y)
