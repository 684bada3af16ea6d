# 常见陷阱：赋值不是复制
a = [1, 2, [3, 4]]
b = a
c = a[:]
d = a.copy()
b.append(5)
c[2].append(99)
print(a)
print(c)
print(d)
print(a is b, a is c, a[2] is d[2])
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
grid = [[0] * 3 for _ in range(3)]
grid[0][0] = 1
print(grid)
