matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for row in matrix for i in range(3) if i == 0])
transpose = [[row[i] for row in matrix] for i in range(3)]
print(transpose)
print(list(map(list, zip(*matrix))))
print([[x * y for x in range(1, 4)] for y in range(1, 4)])
print([(x, y) for x in range(3) for y in range(x)])
table = [f"{i}x{j}={i*j}" for i in range(1, 4) for j in range(1, i + 1)]
print(table)
