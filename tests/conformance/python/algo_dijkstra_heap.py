import heapq
graph = {
    "北京": {"天津": 120, "石家庄": 280},
    "天津": {"北京": 120, "济南": 330},
    "石家庄": {"北京": 280, "济南": 300, "郑州": 410},
    "济南": {"天津": 330, "石家庄": 300, "南京": 620},
    "郑州": {"石家庄": 410, "南京": 690},
    "南京": {"济南": 620, "郑州": 690},
}
def dijkstra(start):
    dist = {start: 0}
    prev = {}
    pq = [(0, start)]
    while pq:
        d, node = heapq.heappop(pq)
        if d > dist[node]:
            continue
        for nxt, w in graph[node].items():
            nd = d + w
            if nd < dist.get(nxt, float("inf")):
                dist[nxt] = nd
                prev[nxt] = node
                heapq.heappush(pq, (nd, nxt))
    return dist, prev
dist, prev = dijkstra("北京")
for city, d in sorted(dist.items(), key=lambda kv: kv[1]):
    path, c = [city], city
    while c in prev:
        c = prev[c]
        path.append(c)
    print(f"{city}: {d} km via {' -> '.join(reversed(path))}")
