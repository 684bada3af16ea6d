import sys

print(sys.getsizeof(range(10)))
print(sys.getsizeof(range(10**20)))
print(sys.getsizeof(1 == 1))
print(sys.getsizeof(2.5e300))
print(sys.getsizeof(-1))
print(sys.getsizeof(-(2**30)))
print(sys.getsizeof(Ellipsis))
print(sys.getsizeof(NotImplemented))
