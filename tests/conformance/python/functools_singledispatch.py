from functools import singledispatch
@singledispatch
def describe(obj):
    return f"object: {obj!r}"
@describe.register
def _(obj: int):
    return f"int: {obj}"
@describe.register
def _(obj: list):
    return f"list of {len(obj)}: " + ", ".join(describe(x) for x in obj)
@describe.register(str)
def _(obj):
    return f"str: {obj.upper()}"
print(describe(42))
print(describe("hi"))
print(describe([1, "a", 2.5]))
print(describe(None))
print(describe(True))
print(sorted(t.__name__ for t in describe.registry))
