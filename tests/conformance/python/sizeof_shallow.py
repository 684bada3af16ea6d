import sys

inner = list(range(1000))
outer = [inner]
print(sys.getsizeof(outer))
print(sys.getsizeof([[1] * 1000]))
print(sys.getsizeof({"k": inner}))
print(sys.getsizeof((inner, inner)))
