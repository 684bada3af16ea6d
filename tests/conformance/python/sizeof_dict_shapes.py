import sys

print(sys.getsizeof(dict(a=1, b=2)))
print(sys.getsizeof({i: None for i in range(10)}))
print(sys.getsizeof(dict.fromkeys("abcdefgh")))
d = {str(i): i for i in range(30)}
print(sys.getsizeof(d))
for i in range(25):
    del d[str(i)]
print(len(d), sys.getsizeof(d))
d.clear()
print(sys.getsizeof(d))
