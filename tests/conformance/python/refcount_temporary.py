import sys

print(sys.getrefcount([]))
print(sys.getrefcount({}))
print(sys.getrefcount(object()))
