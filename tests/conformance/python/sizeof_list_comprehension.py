import sys

print(sys.getsizeof([i for i in range(5)]))
print(sys.getsizeof([i for i in range(10)]))
print(sys.getsizeof(list(range(5))))
print(sys.getsizeof(list(range(10))))
print(sys.getsizeof([0] * 5))
print(sys.getsizeof([0, 1, 2, 3, 4]))
