import sys

item = {"k": 1}
lst = []
lst.append(item)
lst.append(item)
print(sys.getrefcount(item))
lst.pop()
print(sys.getrefcount(item))
lst.extend([item, item])
print(sys.getrefcount(item))
lst2 = lst[:]
print(sys.getrefcount(item))
lst2 = lst * 2
print(sys.getrefcount(item))
del lst[0:2]
print(sys.getrefcount(item))
