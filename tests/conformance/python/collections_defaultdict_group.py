from collections import defaultdict
students = [("一班", "张三"), ("二班", "李四"), ("一班", "王五"), ("三班", "赵六")]
by_class = defaultdict(list)
for cls, name in students:
    by_class[cls].append(name)
print(by_class)
print(dict(by_class), by_class["四班"], len(by_class))
counts = defaultdict(int)
for ch in "banana":
    counts[ch] += 1
print(dict(counts))
graph = defaultdict(set)
for a, b in [(1, 2), (1, 3), (2, 3)]:
    graph[a].add(b)
    graph[b].add(a)
print({k: sorted(v) for k, v in graph.items()})
tree = lambda: defaultdict(tree)
t = tree()
t["a"]["b"]["c"] = 1
print(t["a"]["b"]["c"], "x" in t, t.default_factory is not None)
dd = defaultdict(None)
dd["k"]
