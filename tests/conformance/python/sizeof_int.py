import sys

print(sys.getsizeof(0))
print(sys.getsizeof(1))
print(sys.getsizeof(2**30 - 1))
print(sys.getsizeof(2**30))
print(sys.getsizeof(2**60))
print(sys.getsizeof(2**64))
print(sys.getsizeof(-(2**90)))
print(sys.getsizeof(10**100))
