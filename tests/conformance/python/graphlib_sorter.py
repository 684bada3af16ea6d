from graphlib import TopologicalSorter, CycleError
deps = {"app": {"lib", "utils"}, "lib": {"core"}, "utils": {"core"}, "tests": {"app"}}
ts = TopologicalSorter()
for node, before in deps.items():
    ts.add(node, *sorted(before))
ts.prepare()
step = 0
while ts.is_active():
    ready = ts.get_ready()
    print(step, sorted(ready))
    ts.done(*ready)
    step += 1
print(list(TopologicalSorter({1: [2, 3], 2: [3], 3: []}).static_order()))
try:
    list(TopologicalSorter({"a": {"b"}, "b": {"c"}, "c": {"a"}}).static_order())
except CycleError as e:
    print(type(e).__name__, isinstance(e, ValueError), e.args[0], e.args[1])
ts = TopologicalSorter({"x": set()})
for bad in [lambda: ts.get_ready(), lambda: ts.done("x")]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
ts.prepare()
try:
    ts.done("x")
except ValueError as e:
    print("ValueError:", e)
print(ts.get_ready(), bool(ts))
ts.done("x")
print(bool(ts))
try:
    ts.add("y")
except ValueError as e:
    print("ValueError:", e)
