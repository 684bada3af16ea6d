import sys

d = {}
last = sys.getsizeof(d)
print(0, last)
for i in range(50):
    d["key%d" % i] = i
    size = sys.getsizeof(d)
    if size != last:
        print(len(d), size)
        last = size
