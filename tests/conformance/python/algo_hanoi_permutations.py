def hanoi(n, src="A", aux="B", dst="C", moves=None):
    moves = [] if moves is None else moves
    if n == 1:
        moves.append(f"{src}->{dst}")
    else:
        hanoi(n - 1, src, dst, aux, moves)
        moves.append(f"{src}->{dst}")
        hanoi(n - 1, aux, src, dst, moves)
    return moves
m = hanoi(3)
print(len(m), " ".join(m))
print(len(hanoi(10)))
def permutations(items):
    if len(items) <= 1:
        return [items[:]]
    result = []
    for i, x in enumerate(items):
        for p in permutations(items[:i] + items[i + 1:]):
            result.append([x] + p)
    return result
print(permutations([1, 2, 3]))
def subsets(nums):
    out = []
    def backtrack(start, path):
        out.append(path[:])
        for i in range(start, len(nums)):
            path.append(nums[i])
            backtrack(i + 1, path)
            path.pop()
    backtrack(0, [])
    return out
print(subsets(["a", "b", "c"]))
