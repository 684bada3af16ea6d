from collections import deque, defaultdict
courses = [("数据结构", "算法"), ("编程基础", "数据结构"), ("离散数学", "算法"), ("算法", "编译原理"), ("编程基础", "操作系统")]
def topo(edges):
    indeg = defaultdict(int)
    adj = defaultdict(list)
    nodes = []
    for a, b in edges:
        for n in (a, b):
            if n not in nodes:
                nodes.append(n)
        adj[a].append(b)
        indeg[b] += 1
    q = deque(n for n in nodes if indeg[n] == 0)
    order = []
    while q:
        n = q.popleft()
        order.append(n)
        for m in adj[n]:
            indeg[m] -= 1
            if indeg[m] == 0:
                q.append(m)
    if len(order) != len(nodes):
        raise ValueError("存在环")
    return order
print(" -> ".join(topo(courses)))
try:
    topo([("a", "b"), ("b", "c"), ("c", "a")])
except ValueError as e:
    print("ValueError:", e)
from graphlib import TopologicalSorter
ts = TopologicalSorter({"c": {"b"}, "b": {"a"}, "d": {"a"}})
print(list(ts.static_order()))
