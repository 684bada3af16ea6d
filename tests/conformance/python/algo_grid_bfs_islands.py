grid = [
    "11000",
    "11011",
    "00100",
    "00011",
]
def count_islands(rows):
    g = [list(r) for r in rows]
    h, w = len(g), len(g[0])
    def sink(r, c):
        if 0 <= r < h and 0 <= c < w and g[r][c] == "1":
            g[r][c] = "0"
            for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                sink(r + dr, c + dc)
            return 1
        return 0
    return sum(sink(r, c) for r in range(h) for c in range(w))
print("islands:", count_islands(grid))
from collections import deque
maze = ["S.#", "..#", "#.E"]
def solve(maze):
    h, w = len(maze), len(maze[0])
    start = next((r, c) for r in range(h) for c in range(w) if maze[r][c] == "S")
    dist = {start: 0}
    q = deque([start])
    while q:
        r, c = q.popleft()
        if maze[r][c] == "E":
            return dist[(r, c)]
        for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
            if 0 <= nr < h and 0 <= nc < w and maze[nr][nc] != "#" and (nr, nc) not in dist:
                dist[(nr, nc)] = dist[(r, c)] + 1
                q.append((nr, nc))
    return -1
print("maze steps:", solve(maze))
