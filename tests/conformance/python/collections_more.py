from collections import ChainMap, Counter, deque, defaultdict

c = Counter(a=3, b=1)
c.update("aab")
print(c, c["zzz"], sorted(c.elements()), c - Counter(a=4))
d = deque(range(5))
d.rotate(2)
d.appendleft(-1)
print(d, d.popleft(), d.pop())
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], dict(cm))
tree = lambda: defaultdict(tree)
t = tree()
t["x"]["y"] = 1
print({k: dict(v) for k, v in t.items()})
