import sys

lst = list(range(20))
print(sys.getsizeof(lst))
lst.extend(range(5))
print(sys.getsizeof(lst))
while len(lst) > 3:
    lst.pop()
print(len(lst), sys.getsizeof(lst))
lst.clear()
print(sys.getsizeof(lst))
lst += [1, 2]
print(sys.getsizeof(lst))
