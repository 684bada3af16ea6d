import sys

print(sys.getsizeof(1.0))
print(sys.getsizeof(True))
print(sys.getsizeof(False))
print(sys.getsizeof(None))
print(sys.getsizeof(1j))
print(sys.getsizeof(b""))
print(sys.getsizeof(b"abc"))
