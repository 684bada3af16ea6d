lst = [3, 1, 4, 1, 5, 9, 2, 6]
lst.sort()
print(lst)
lst.sort(reverse=True)
print(lst, lst.index(4), lst.count(1))
lst.insert(2, 100)
lst.remove(1)
print(lst, lst.pop(0), lst.pop())
lst.reverse()
print(lst, lst[-1], lst[1:3], lst[::-2])
lst[1:3] = ["a", "b", "c"]
print(lst)
del lst[::2]
print(lst, [1, 2] * 2, [1] + [2], 3 in lst, min([4, 2, 8]), max("abc"))
