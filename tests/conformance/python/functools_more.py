import functools

@functools.singledispatch
def show(x):
    return f"object {x}"

@show.register
def _(x: int):
    return f"int {x}"

@show.register
def _(x: list):
    return f"list of {len(x)}"

print(show("s"), show(3), show([1, 2]))

class Lazy:
    @functools.cached_property
    def value(self):
        print("computing")
        return 42

z = Lazy()
print(z.value, z.value)
print(sorted(["bb", "a", "ccc"], key=functools.cmp_to_key(lambda a, b: len(b) - len(a))))
p = functools.partial(int, base=2)
print(p("1010"), p.func.__name__, p.keywords)
