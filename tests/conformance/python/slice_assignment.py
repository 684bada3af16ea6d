a = [0, 1, 2, 3, 4, 5]
a[1:3] = ["a", "b", "c"]
print(a)
a[::2] = [9, 9, 9, 9][:len(a[::2])]
print(a)
a[:] = [1, 2]
print(a)
b = [1, 2, 3, 4, 5, 6]
del b[::2]
print(b)
b[1:1] = [10, 20]
print(b)
try:
    c = [1, 2, 3, 4]
    c[::2] = [0]
except ValueError as e:
    print(e)
