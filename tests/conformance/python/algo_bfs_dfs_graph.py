from collections import deque
graph = {
    "A": ["B", "C"],
    "B": ["D", "E"],
    "C": ["F"],
    "D": [],
    "E": ["F"],
    "F": [],
}
def bfs(start):
    seen, order, q = {start}, [], deque([start])
    while q:
        node = q.popleft()
        order.append(node)
        for nxt in graph[node]:
            if nxt not in seen:
                seen.add(nxt)
                q.append(nxt)
    return order
def dfs(node, seen=None):
    seen = seen if seen is not None else []
    seen.append(node)
    for nxt in graph[node]:
        if nxt not in seen:
            dfs(nxt, seen)
    return seen
def shortest_path(start, goal):
    q = deque([[start]])
    visited = {start}
    while q:
        path = q.popleft()
        if path[-1] == goal:
            return path
        for nxt in graph[path[-1]]:
            if nxt not in visited:
                visited.add(nxt)
                q.append(path + [nxt])
print("BFS:", " -> ".join(bfs("A")))
print("DFS:", " -> ".join(dfs("A")))
print("shortest A->F:", shortest_path("A", "F"))
