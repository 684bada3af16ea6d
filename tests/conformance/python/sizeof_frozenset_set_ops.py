import sys

print(sys.getsizeof(frozenset([1, 2, 3])))
print(sys.getsizeof(frozenset(range(10))))
print(sys.getsizeof({1, 2, 3} | {4, 5}))
s = set(range(100))
print(sys.getsizeof(s))
for i in range(95):
    s.discard(i)
print(len(s), sys.getsizeof(s))
