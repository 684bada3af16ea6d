import sys

items = [[i] for i in range(3)]
for item in items:
    print(sys.getrefcount(item))
print(sys.getrefcount(items[0]))
