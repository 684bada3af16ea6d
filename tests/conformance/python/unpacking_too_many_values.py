point = (1, 2, 3)
x, y, z = point
print(x, y, z)
a, b = point
