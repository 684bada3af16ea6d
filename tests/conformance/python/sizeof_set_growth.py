import sys

s = set()
last = sys.getsizeof(s)
print(0, last)
for i in range(80):
    s.add(i)
    size = sys.getsizeof(s)
    if size != last:
        print(len(s), size)
        last = size
print(sys.getsizeof(frozenset()))
