from contextlib import contextmanager, suppress, ExitStack

@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")

with tag("a") as t:
    print("inside", t)
with suppress(KeyError):
    {}["x"]
    print("not printed")
with ExitStack() as stack:
    for n in ("x", "y"):
        stack.enter_context(tag(n))
    print("body")
