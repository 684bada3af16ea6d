import sys

print(sys.getsizeof(bytearray(1024)))
print(sys.getsizeof(bytes(1024)))
print(sys.getsizeof(bytearray()))
print(sys.getsizeof(memoryview(b"abc")))
