A = [[1, 2, 3], [4, 5, 6]]
B = [[7, 8], [9, 10], [11, 12]]
def matmul(X, Y):
    return [[sum(a * b for a, b in zip(row, col)) for col in zip(*Y)] for row in X]
def transpose(M):
    return [list(r) for r in zip(*M)]
def rotate90(M):
    return [list(r) for r in zip(*M[::-1])]
print(matmul(A, B))
print(transpose(A))
print(rotate90([[1, 2, 3], [4, 5, 6], [7, 8, 9]]))
def spiral(M):
    out = []
    while M:
        out += M.pop(0)
        M = [list(r) for r in zip(*M)][::-1]
    return out
print(spiral([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]))
identity = [[int(i == j) for j in range(3)] for i in range(3)]
for row in identity:
    print(" ".join(f"{x:2d}" for x in row))
def pascal(n):
    rows = [[1]]
    for _ in range(n - 1):
        rows.append([1] + [a + b for a, b in zip(rows[-1], rows[-1][1:])] + [1])
    return rows
for r in pascal(6):
    print(" ".join(map(str, r)).center(20))
