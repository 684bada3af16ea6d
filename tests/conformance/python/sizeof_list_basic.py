import sys

print(sys.getsizeof([]))
print(sys.getsizeof([1]))
print(sys.getsizeof([1, 2, 3]))
print(sys.getsizeof(list(range(3))))
print(sys.getsizeof([None] * 10))
