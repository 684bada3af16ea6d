import sys

s = "abc"
print(sys.getsizeof(s + "def"))
print(sys.getsizeof(s * 10))
print(sys.getsizeof(s.upper()))
print(sys.getsizeof("é" + s))
print(sys.getsizeof(s + "€"))
print(sys.getsizeof(str(12345)))
print(sys.getsizeof(" ".join(["ab", "cd"])))
