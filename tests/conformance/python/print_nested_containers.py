data = {
    "users": [{"name": "张三", "tags": {"admin"}, "scores": (90, 85.5)}, {"name": "Bob", "tags": set(), "scores": ()}],
    "meta": {"count": 2, "ok": True, "next": None},
    "matrix": [[1, 2], [3, 4]],
}
print(data)
print([[]], [{}], [()], [(1,)], {(): []}, [None, True, 1.0])
print(str(data["matrix"]), repr("quote's"), repr('double"'), repr("both'\""))
print(['a\nb', 'tab\t', '\\', '\x00', 'é', '中', '\u200b'])
print({1: {2: {3: {4: {5: "deep"}}}}})
from pprint import pprint, pformat
pprint(data, width=60)
pprint(list(range(30)), compact=True, width=40)
print(pformat({"b": 1, "a": 2}))
