import sys

print(sys.getsizeof(""))
print(sys.getsizeof("a"))
print(sys.getsizeof("hello"))
print(sys.getsizeof("é"))
print(sys.getsizeof("café"))
print(sys.getsizeof("€"))
print(sys.getsizeof("内存"))
print(sys.getsizeof("😀"))
print(sys.getsizeof("a" * 100))
