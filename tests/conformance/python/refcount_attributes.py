import sys

class Box:
    pass

payload = {"k": [1]}
b = Box()
print(sys.getrefcount(payload))
b.item = payload
print(sys.getrefcount(payload))
b.other = payload
print(sys.getrefcount(payload))
del b.item
print(sys.getrefcount(payload))
del b
print(sys.getrefcount(payload))
