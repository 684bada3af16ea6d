import sys

for n in (0, 1, 10, 100):
    print(n, sys.getsizeof(b"x" * n), sys.getsizeof(bytearray(n)))
ba = bytearray()
sizes = []
for i in range(40):
    ba.append(i)
    sizes.append(sys.getsizeof(ba))
print(sorted(set(sizes)))
