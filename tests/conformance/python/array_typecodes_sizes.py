# array.array: typecodes and item sizes, sys.getsizeof as the array grows and
# shrinks (CPython's over-allocation), initializers, bytes round trips, repr.
import array
import sys

print(array.typecodes, array.ArrayType is array.array, type(array.array("i")))
for tc in array.typecodes:
    init = "abcdefghij" if tc == "u" else [1] * 10
    a = array.array(tc, init)
    print(tc, a.itemsize, a.typecode, sys.getsizeof(array.array(tc)), sys.getsizeof(a))

a = array.array("i")
sizes = []
for n in range(40):
    a.append(n)
    sizes.append(sys.getsizeof(a))
print(sizes)
sizes = []
while a:
    a.pop()
    sizes.append(sys.getsizeof(a))
print(sizes)
print(sys.getsizeof(array.array("d", range(100))), sys.getsizeof(array.array("b", bytes(100))),
      sys.getsizeof(array.array("b", iter(range(100)))), sys.getsizeof(array.array("u", "héllo")))

print(array.array("u", "hi"), array.array("d"), array.array("f", [1.5, 0.1]))
print(array.array("i", b"\x01\x00\x00\x00\xff\xff\xff\xff"), array.array("q", [-1]).tobytes())
print(bytes(array.array("h", [1, -2])), array.array("d", [1.5]).tobytes().hex())
b = array.array("h", [5, 6, 7, 8, 9] * 4)
b[1:3] = array.array("h", [1])
print(b, sys.getsizeof(b))
del b[::2]
print(b, sys.getsizeof(b))
b.extend([1, 2, 3])
b.extend(array.array("h", [4]))
b.fromlist([7, 7])
print(b, sys.getsizeof(b))
b.frombytes(b"\x01\x00")
b.insert(0, -1)
b.reverse()
print(b, b.index(7), b.count(7), 7 in b, b.tolist()[:3])
b *= 3
print(len(b), sys.getsizeof(b))
b += array.array("h", [0])
print(sys.getsizeof(b))
b.byteswap()
print(b[:4], b[::-5], b * 2 == b + b, b[:2] < b[:3])
u = array.array("u", "héllo")
print(u, u.tounicode(), u.tobytes()[:8], len(u))
