def solve_n_queens(n):
    solutions = []
    cols, diag1, diag2 = set(), set(), set()
    board = []
    def place(row):
        if row == n:
            solutions.append(["".join("Q" if c == col else "." for c in range(n)) for col in board])
            return
        for col in range(n):
            if col in cols or row - col in diag1 or row + col in diag2:
                continue
            cols.add(col); diag1.add(row - col); diag2.add(row + col); board.append(col)
            place(row + 1)
            cols.remove(col); diag1.remove(row - col); diag2.remove(row + col); board.pop()
    place(0)
    return solutions
sols = solve_n_queens(4)
print(len(sols))
for s in sols:
    print("\n".join(s))
    print()
print([len(solve_n_queens(n)) for n in range(1, 9)])
